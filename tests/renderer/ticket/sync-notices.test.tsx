// The pane shows that its changes wait in the outbox, and any conflict the server reported for it.
import { waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeConsole } from '../console-fixture';
import { openPane, pick, resetStores } from './ticket-fixture';

describe('sync notices', () => {
  beforeEach(resetStores);

  it('shows pending until the outbox entry is confirmed, and a conflict with mine and theirs', async () => {
    const { services, demo, db, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open' && t.assigneeId !== null && t.assigneeId !== actor.id, 'ticket of another agent');
    const other = demo.agents.find((a) => a.id === ticket.assigneeId)!;
    const { pane } = await openPane(ticket, services);
    expect(within(pane).queryByText(/^Pending:/)).toBeNull();

    const entry = await services.change('comment.add', { id: services.newId(), ticketId: ticket.id, body: 'Offline note', visibility: 'internal' });
    await within(pane).findByText('Pending: 1 change not yet synced');
    await db.outbox.update(entry.seq, { state: 'confirmed' });
    await waitFor(() => expect(within(pane).queryByText(/^Pending:/)).toBeNull());

    await db.conflicts.put({
      id: '0190a000-0000-7000-8000-0000000000cc',
      mutation: { id: '0190a000-0000-7000-8000-0000000000cd', seq: 9, name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null }, at: '2026-11-20T09:00:00.000Z' },
      fields: [{ field: 'assigneeId', mine: actor.id, theirs: other.id }],
      current: ticket,
      at: '2026-11-20T09:30:00.000Z',
    });
    const notice = await within(pane).findByRole('alert');
    expect(notice.textContent).toContain('Conflict: your change (assigned)');
    expect(notice.textContent).toContain(`Assignee: yours “${actor.name}”, theirs “${other.name}”`);

    // A status is named in words, as the header names it.
    await db.conflicts.put({
      id: '0190a000-0000-7000-8000-0000000000ce',
      mutation: { id: '0190a000-0000-7000-8000-0000000000cf', seq: 10, name: 'ticket.setStatus', args: { ticketId: ticket.id, status: 'resolved', expectedStatus: 'open', resolution: 'Toner replaced' }, at: '2026-11-20T09:40:00.000Z' },
      fields: [{ field: 'status', mine: 'resolved', theirs: 'on_hold' }],
      current: { ...ticket, status: 'on_hold' },
      at: '2026-11-20T09:45:00.000Z',
    });
    await waitFor(() => expect(within(pane).getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('Status: yours “Resolved”, theirs “On hold”'));
  });
});
