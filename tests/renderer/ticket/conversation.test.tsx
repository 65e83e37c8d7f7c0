// The conversation and its composer: replies and internal notes are stored with the right visibility
// and shown distinguished; a hostile body is rendered inert.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchCommand, useUiStore } from '../../../renderer/app/ui-store';
import { makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

function conversation(pane: HTMLElement): HTMLElement {
  return within(pane).getByRole('heading', { name: 'Conversation' }).closest('section') as HTMLElement;
}

describe('conversation', () => {
  beforeEach(resetStores);

  it('sends a public reply and an internal note, stored and shown distinguished', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open', 'open service ticket');
    const { pane } = await openPane(ticket, services);

    await user.type(within(pane).getByLabelText('Reply to the requester'), 'We are on it.');
    await user.click(within(pane).getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect((within(pane).getByLabelText('Reply to the requester') as HTMLTextAreaElement).value).toBe(''));
    await user.click(within(pane).getByRole('radio', { name: 'Internal note' }));
    await user.type(within(pane).getByLabelText('Internal note for agents'), 'Probably the **VPN** concentrator.');
    await user.click(within(pane).getByRole('button', { name: 'Add internal note' }));

    const entries = await pendingMutations(services);
    expect(entries.map((e) => [e.name, (e.args as { visibility: string }).visibility, (e.args as { body: string }).body])).toEqual([
      ['comment.add', 'public', 'We are on it.'],
      ['comment.add', 'internal', 'Probably the **VPN** concentrator.'],
    ]);
    const ids = entries.map((e) => (e.args as { id: string }).id);
    expect(new Set(ids).size).toBe(2);
    const stored = await db.comments.bulkGet(ids);
    expect(stored.map((c) => [c?.visibility, c?.authorId])).toEqual([['public', actor.id], ['internal', actor.id]]);

    const reply = await within(conversation(pane)).findByRole('article', { name: `Public reply by ${actor.name}` });
    const note = await within(conversation(pane)).findByRole('article', { name: `Internal note by ${actor.name}` });
    expect(reply.textContent).toContain('We are on it.');
    expect(within(note).getByText('Internal note').className).toContain('sb-entry__kind');
    expect(note.className).toContain('sb-entry--internal');
    expect(reply.className).toContain('sb-entry--public');
    expect(note.querySelector('strong')?.textContent).toBe('VPN');
    // The composer is empty again and stays in note mode for the next note.
    await waitFor(() => expect((within(pane).getByLabelText('Internal note for agents') as HTMLTextAreaElement).value).toBe(''));
  });

  it('shows the description and comments in time order with their authors', async () => {
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => demo.comments.filter((c) => c.ticketId === t.id).length >= 2, 'ticket with comments');
    const { pane } = await openPane(ticket, services);
    const expected = demo.comments.filter((c) => c.ticketId === ticket.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    await waitFor(() => expect(within(conversation(pane)).getAllByRole('article')).toHaveLength(expected.length + 1));
    const articles = within(conversation(pane)).getAllByRole('article');
    expect(articles[0]?.getAttribute('aria-label')).toBe('Description');
    expected.forEach((c, i) => {
      const author = c.authorId === null ? `${ticket.requester.name} (requester)` : demo.agents.find((a) => a.id === c.authorId)!.name;
      const kind = c.visibility === 'public' ? 'Public reply' : 'Internal note';
      expect(articles[i + 1]?.getAttribute('aria-label')).toBe(`${kind} by ${author}`);
    });
  });

  it('never runs or keeps a script or event handler from a comment body', async () => {
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const hostile = [
      'Hello <script>window.__pwned = "script"</script>',
      '<img src="x" onerror="window.__pwned = \'img\'">',
      '<a href="javascript:window.__pwned=1" onclick="window.__pwned=2">click</a>',
      '<svg onload="window.__pwned = \'svg\'"></svg>',
    ].join('\n\n');
    await db.comments.put({ id: '0190a000-0000-7000-8000-0000000000aa', ticketId: ticket.id, authorId: null, body: hostile, visibility: 'public', createdAt: '2026-11-20T09:00:00.000Z' });
    await db.tickets.put({ ...ticket, description: '<script>window.__pwned = "description"</script>Broken **printer**' });
    const { pane } = await openPane(ticket, services);

    await within(pane).findByText('click');
    expect(pane.querySelector('script')).toBeNull();
    const withHandlers = [...pane.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
    expect(withHandlers).toEqual([]);
    expect(pane.querySelector('a[href^="javascript"]')).toBeNull();
    expect(pane.innerHTML).not.toContain('__pwned');
    await user().click(within(pane).getByText('click'));
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('takes text the knowledge-base pane inserts, and the r / n commands pick the mode', async () => {
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const { pane } = await openPane(ticket, services);
    act(() => useUiStore.getState().setActiveTicket(ticket.id));

    act(() => dispatchCommand('note'));
    const note = within(pane).getByLabelText('Internal note for agents');
    expect(document.activeElement).toBe(note);
    act(() => dispatchCommand('reply'));
    expect(within(pane).getByRole('radio', { name: 'Reply (public)' })).toHaveProperty('checked', true);

    act(() => useUiStore.getState().insertIntoReply(ticket.id, 'See [Printer shows offline](kb:abc)'));
    await waitFor(() => expect((within(pane).getByLabelText('Reply to the requester') as HTMLTextAreaElement).value).toBe('See [Printer shows offline](kb:abc)'));
    // An insert for another ticket is not ours.
    act(() => useUiStore.getState().insertIntoReply('0190a000-0000-7000-8000-000000000000', 'elsewhere'));
    expect((screen.getByLabelText('Reply to the requester') as HTMLTextAreaElement).value).not.toContain('elsewhere');
  });
});

function user() {
  return userEvent.setup();
}
