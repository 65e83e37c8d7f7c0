// The dialogs behind the status bar's counts: the outbox list (each change with its state, oldest first,
// and after a long day offline only the head of the queue with a count of the rest), the conflicts inbox
// (mine and theirs per field; keep mine or take theirs) and the needs-attention list (the server's
// reason; retry or discard).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OUTBOX_LISTED, SyncPanels } from '../../../renderer/app/SyncPanels';
import { makeConsole, renderInConsole } from '../console-fixture';

describe('the outbox list', () => {
  it('lists the oldest changes with their state and counts the ones after them', async () => {
    const { services, demo } = await makeConsole({ tickets: 20, articles: 1 });
    const ticket = demo.tickets[0]!;
    const total = OUTBOX_LISTED + 7;
    for (let i = 0; i < total; i++) {
      await services.change('comment.add', { id: services.newId(), ticketId: ticket.id, body: `Poznámka ${i}`, visibility: 'internal' });
    }
    const first = (await services.db.outbox.orderBy('seq').first())!;
    await services.db.outbox.update(first.seq, { state: 'confirmed' });

    renderInConsole(<SyncPanels panel="outbox" onClose={() => undefined} onChanged={() => undefined} />, services);
    const list = await screen.findByRole('list', { name: 'Pending changes' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(OUTBOX_LISTED));
    const items = () => within(list).getAllByRole('listitem');
    await waitFor(() => expect(items()[0]!.textContent).toMatch(new RegExp(`^#${first.seq} Reply or note · ${ticket.key}\\s*confirmed, refreshing$`)));
    expect(items()[1]!.textContent).toMatch(/waiting to be sent$/);
    expect(screen.getByText('and 7 more changes after these, sent once these are through')).toBeTruthy();
  });
});

describe('the conflicts inbox', () => {
  async function withConflict() {
    const console = await makeConsole({ tickets: 20, articles: 1 });
    const { services, demo, actor, db } = console;
    const ticket = demo.tickets.find((tk) => tk.desk === 'service' && tk.status === 'open')!;
    const colleague = demo.agents.find((a) => a.id !== actor.id && a.desks.includes('service'))!;
    await db.conflicts.put({
      id: 'c1',
      mutation: { id: services.newId(), seq: 9, name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null }, at: '2026-11-20T09:00:00.000Z' },
      fields: [{ field: 'assigneeId', mine: actor.id, theirs: colleague.id }],
      current: { ...ticket, assigneeId: colleague.id },
      at: '2026-11-20T09:30:00.000Z',
    });
    const onChanged = vi.fn();
    renderInConsole(<SyncPanels panel="conflicts" onClose={() => undefined} onChanged={onChanged} />, services);
    const list = await screen.findByRole('list', { name: 'Conflicts' });
    return { ...console, ticket, colleague, list, onChanged };
  }

  it('shows mine and theirs per field in words, and "take theirs" lets the server\'s value stand', async () => {
    const user = userEvent.setup();
    const { list, ticket, colleague, db, onChanged } = await withConflict();
    const item = within(list).getByRole('listitem');
    await waitFor(() => expect(within(item).getByRole('heading').textContent).toBe(`Assign · ${ticket.key}`));
    await waitFor(() => expect(within(item).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Field', 'Mine', 'Theirs (server)'],
      ['Assignee', 'Me', colleague.name],
    ]));

    await user.click(within(item).getByRole('button', { name: 'Take theirs' }));
    expect(await screen.findByText('No conflicts.')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('"keep mine" sends the change again, now expecting what the server holds', async () => {
    const user = userEvent.setup();
    const { list, ticket, colleague, actor, db, onChanged } = await withConflict();
    await user.click(within(list).getByRole('button', { name: 'Keep mine' }));
    expect(await screen.findByText('No conflicts.')).toBeTruthy();
    const [sent] = await db.outbox.toArray();
    expect(sent).toMatchObject({ name: 'ticket.assign', state: 'pending', args: { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: colleague.id } });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});

describe('the needs-attention list', () => {
  it('gives the server\'s reason for each refused change, and retries or discards it', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole({ tickets: 20, articles: 1 });
    const [first, second] = demo.tickets.filter((tk) => tk.desk === 'help');
    const refused = (id: string, ticketId: string, body: string) => ({
      id,
      mutation: { id: services.newId(), seq: 3, name: 'comment.add' as const, args: { id: services.newId(), ticketId, body, visibility: 'public' as const }, at: '2026-11-20T09:00:00.000Z' },
      error: { code: 'forbidden', message: 'The ticket is closed: a reply needs it reopened' },
      at: '2026-11-20T09:01:00.000Z',
    });
    await db.attention.bulkPut([refused('a1', first!.id, 'Hotovo'), refused('a2', second!.id, 'Díky')]);
    renderInConsole(<SyncPanels panel="attention" onClose={() => undefined} onChanged={() => undefined} />, services);
    const list = await screen.findByRole('list', { name: 'Needs attention' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Reply or note · ${first!.key}The ticket is closed: a reply needs it reopenedRetryDiscard`,
      `Reply or note · ${second!.key}The ticket is closed: a reply needs it reopenedRetryDiscard`,
    ]));

    await user.click(within(within(list).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect((await db.outbox.toArray()).map((e) => [e.name, (e.args as { body: string }).body, e.state])).toEqual([['comment.add', 'Hotovo', 'pending']]);

    await user.click(within(list).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('Nothing needs attention.')).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
  });
});
