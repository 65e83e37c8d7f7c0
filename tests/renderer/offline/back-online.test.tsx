// Back online: the changes kept offline drain with a progress indicator, and conflicts are shown with both
// sides and a way to the conflicts inbox.
import { act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextDrain, startDrain, type Drain } from '../../../renderer/offline/drain';
import { useSyncStatus } from '../../../renderer/sync/status-store';
import { openTicketsOf, renderPane, resetStores, techConsole } from './field-fixture';

function section(pane: HTMLElement): HTMLElement {
  return within(pane).getByRole('heading', { name: 'Pending changes' }).closest('section') as HTMLElement;
}

describe('drain state', () => {
  const run = (steps: Array<[boolean, number]>, from: Drain = startDrain(true)) => steps.reduce((d, [online, pending]) => nextDrain(d, online, pending), from);

  it('starts when coming back online with changes waiting and counts them out', () => {
    expect(run([[false, 3], [true, 3]])).toEqual({ phase: 'draining', total: 3, pending: 3 });
    expect(run([[false, 3], [true, 3], [true, 2]])).toEqual({ phase: 'draining', total: 3, pending: 2 });
    expect(run([[false, 3], [true, 3], [true, 1], [true, 0]])).toEqual({ phase: 'done', total: 3 });
  });
  it('adds a change made during the drain to it, and ignores ordinary syncing', () => {
    expect(run([[false, 3], [true, 3], [true, 2], [true, 3]])).toEqual({ phase: 'draining', total: 4, pending: 3 });
    expect(run([[true, 2], [true, 1], [true, 0]])).toEqual({ phase: 'idle' });
    expect(run([[false, 0], [true, 0]])).toEqual({ phase: 'idle' });
    expect(run([[false, 3], [true, 3], [true, 0], [true, 1]])).toEqual({ phase: 'idle' });
    expect(run([[false, 3], [true, 2], [false, 2]])).toEqual({ phase: 'offline' });
  });
});

describe('back online', () => {
  beforeEach(resetStores);

  it('shows "Sending changes: k of N" as the outbox drains', async () => {
    const { services, demo, db, actor } = await techConsole();
    const [a, b] = openTicketsOf(demo.tickets, actor.id);
    act(() => useSyncStatus.setState({ state: 'offline' }));
    await services.change('comment.add', { id: services.newId(), ticketId: a!.id, body: 'On my way', visibility: 'internal' });
    await services.change('worklog.add', { id: services.newId(), ticketId: a!.id, minutes: 45, note: 'On site', onSite: true, startedAt: '2026-11-20T08:00:00.000Z' });
    await services.change('comment.add', { id: services.newId(), ticketId: b!.id, body: 'Parts ordered', visibility: 'internal' });
    const { pane } = await renderPane(services);
    const card = section(pane);

    expect(await within(card).findByText('Offline — your changes are kept on this device and will be sent when the connection returns.')).toBeTruthy();
    const list = await within(card).findByRole('list', { name: 'Changes waiting to be sent' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Reply or note · ${a!.key}`, `Worklog · ${a!.key}`, `Reply or note · ${b!.key}`,
    ]));
    expect(within(card).getByText('3 changes kept on this device.')).toBeTruthy();

    act(() => useSyncStatus.setState({ state: 'syncing' }));
    expect(await within(card).findByText('Sending changes: 0 of 3')).toBeTruthy();
    // A failed round pauses the drain and says why in the console's words, not the server's.
    act(() => useSyncStatus.setState({ state: 'error', lastError: { code: 'rate_limited', message: 'Too many requests' } }));
    expect(within(card).getByRole('alert').textContent).toBe('Sending paused: The server is busy; the console tries again shortly.');
    act(() => useSyncStatus.setState({ state: 'syncing', lastError: null }));

    const [first, second, third] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(first!.seq, { state: 'confirmed' });
    expect(await within(card).findByText('Sending changes: 1 of 3')).toBeTruthy();
    expect(within(card).getByRole('progressbar', { name: 'Sending changes' })).toHaveProperty('value', 1);
    expect(within(card).getByRole('progressbar', { name: 'Sending changes' })).toHaveProperty('max', 3);

    await db.outbox.update(second!.seq, { state: 'confirmed' });
    expect(await within(card).findByText('Sending changes: 2 of 3')).toBeTruthy();
    await db.outbox.bulkDelete([first!.seq, second!.seq, third!.seq]);
    expect(await within(card).findByText('Back online: all 3 changes sent.')).toBeTruthy();
    expect(within(card).getByText('Nothing waiting: every change reached the server.')).toBeTruthy();
  });

  it('shows a conflict with both sides and where the ticket went, and opens the conflicts inbox', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await techConsole();
    const [ticket] = openTicketsOf(demo.tickets, actor.id);
    const colleague = demo.agents.find((a) => a.id !== actor.id && a.desks.includes('service') && a.role === 'agent')!;
    await db.conflicts.put({
      id: '0190a000-0000-7000-8000-0000000000c1',
      mutation: { id: '0190a000-0000-7000-8000-0000000000c2', seq: 4, name: 'ticket.setStatus', at: '2026-11-20T09:00:00.000Z',
        args: { ticketId: ticket!.id, status: 'resolved', expectedStatus: 'open', resolution: 'Replaced the fuser' } },
      fields: [{ field: 'status', mine: 'resolved', theirs: 'pending' }],
      current: { ...ticket!, status: 'pending', assigneeId: colleague.id },
      at: '2026-11-20T09:30:00.000Z',
    });
    const onOpenConflicts = vi.fn();
    const { pane } = await renderPane(services, { onOpenConflicts });
    const card = section(pane);

    const group = await within(card).findByRole('group', { name: '1 conflict' });
    expect(await within(group).findByText(`Change status · ${ticket!.key}`)).toBeTruthy();
    const row = within(group).getByRole('row', { name: /^Status/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Resolved', 'Pending']);
    expect(within(group).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Field', 'Mine', 'Theirs (server)']);
    expect(await within(group).findByText(`The ticket is now assigned to: ${colleague.name}.`)).toBeTruthy();

    await user.click(within(group).getByRole('button', { name: 'Resolve in the conflicts inbox' }));
    expect(onOpenConflicts).toHaveBeenCalledTimes(1);
  });

  it('names the agents of an assignment conflict', async () => {
    const { services, demo, db, actor } = await techConsole();
    const [ticket] = openTicketsOf(demo.tickets, actor.id);
    const supervisor = demo.agents.find((a) => a.role === 'supervisor')!;
    await db.conflicts.put({
      id: '0190a000-0000-7000-8000-0000000000c3',
      mutation: { id: '0190a000-0000-7000-8000-0000000000c4', seq: 5, name: 'ticket.assign', at: '2026-11-20T09:00:00.000Z',
        args: { ticketId: ticket!.id, assigneeId: actor.id, expectedAssigneeId: null } },
      fields: [{ field: 'assigneeId', mine: actor.id, theirs: supervisor.id }],
      current: { ...ticket!, assigneeId: supervisor.id },
      at: '2026-11-20T09:30:00.000Z',
    });
    const { pane } = await renderPane(services);
    const row = await within(section(pane)).findByRole('row', { name: /^Assignee/ });
    await waitFor(() => expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Me', supervisor.name]));
  });
});
