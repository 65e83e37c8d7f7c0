// Status changes offer only the legal moves (checked against a table written out here), resolving asks
// for a resolution, and the change carries the status the agent saw.
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { slaTimers } from '../../../renderer/ticket/sla-view';
import { FIXTURE_NOW, makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

// Written by hand from DESIGN.md, not imported from the rule under test.
const LEGAL: Record<string, string[]> = {
  open: ['Pending', 'On hold', 'Resolved'],
  resolved: ['Closed', 'Open'],
};

function offered(pane: HTMLElement): string[] {
  const select = within(pane).getByRole('combobox', { name: 'New status' });
  return within(select).getAllByRole('option').slice(1).map((o) => o.textContent ?? '');
}

describe('status', () => {
  beforeEach(resetStores);

  it('offers only the legal transitions from open and from resolved', async () => {
    const { services, demo } = await makeConsole();
    const open = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const first = await openPane(open, services);
    expect(offered(first.pane)).toEqual(LEGAL.open);
    first.unmount();

    const resolved = pick(demo.tickets, (t) => t.status === 'resolved', 'resolved ticket');
    const second = await openPane(resolved, services);
    expect(offered(second.pane)).toEqual(LEGAL.resolved);
  });

  it('asks for a resolution before resolving, then queues ticket.setStatus', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'help' && t.status === 'open', 'open help ticket');
    const { pane } = await openPane(ticket, services);

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'New status' }), 'resolved');
    await user.click(within(pane).getByRole('button', { name: 'Change status' }));
    expect(within(pane).getByRole('alert').textContent).toContain('needs a resolution');
    expect(await pendingMutations(services)).toEqual([]);

    await user.type(within(pane).getByLabelText('Resolution'), 'Meter replaced on site.');
    await user.click(within(pane).getByRole('button', { name: 'Change status' }));
    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('ticket.setStatus');
    expect(entry?.args).toEqual({ ticketId: ticket.id, status: 'resolved', expectedStatus: 'open', resolution: 'Meter replaced on site.' });
    expect((await db.tickets.get(ticket.id))?.status).toBe('resolved');
    // The menu now offers what a resolved ticket may do.
    await within(pane).findByRole('option', { name: 'Closed' });
    expect(offered(pane)).toEqual(LEGAL.resolved);
  });

  it('shows a paused resolution timer while pending', async () => {
    const user = userEvent.setup();
    const { services, demo } = await makeConsole();
    // Service Desk: a 24/7 calendar, so the time zone does not matter; a clock not yet breached.
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && slaTimers(t, 'UTC', FIXTURE_NOW)[1]?.state === 'running', 'open service ticket within SLA');
    const { pane } = await openPane(ticket, services);
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'New status' }), 'pending');
    await user.click(within(pane).getByRole('button', { name: 'Change status' }));
    const timers = within(pane).getByRole('list', { name: 'SLA timers' });
    expect((await within(timers).findByText('paused (waiting on the requester)')).closest('li')?.textContent).toContain('Resolution');
  });
});
