// The Roster tab: the three shifts with their times and zone, who is on shift now and next for a fixed
// clock (Friday 20 November 2026, 11:00 in Prague: the early shift is on, the late one comes at 14:00),
// who is away, and the grid of the days ahead whose cells queue `roster.set`.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { rosterEntryId } from '../../../shared/rules/roster';
import type { Agent, Shift } from '../../../shared/schemas/entities';
import { makeConsole } from '../console-fixture';
import { openSupervisor, pendingMutations, resetSupervisorStore } from './supervisor-fixture';

const names = (group: HTMLElement) => within(group).queryAllByRole('listitem').map((li) => li.textContent);
const byName = (a: Agent, b: Agent) => a.name.localeCompare(b.name);
const group = (name: string) => screen.getByRole('group', { name });

function shiftsOf(demo: { shifts: Shift[] }) {
  const find = (name: string) => demo.shifts.find((s) => s.name === name) as Shift;
  return { early: find('Early'), late: find('Late'), night: find('Night') };
}

describe('the roster', () => {
  beforeEach(resetSupervisorStore);

  it('shows the shifts with times and zone, who is on now and next, and who is away', async () => {
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { early, late } = shiftsOf(demo);
    const { pane } = await openSupervisor(services, 'roster');

    const shifts = within(pane).getByRole('table', { name: 'Shifts' });
    const rows = () => within(shifts).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));
    await waitFor(() => expect(rows()).toEqual([
      ['Early', '06:00–14:00', 'Europe/Prague'],
      ['Late', '14:00–22:00', 'Europe/Prague'],
      ['Night', '22:00–06:00', 'Europe/Prague'],
    ]));

    // Written from the demo roster: everyone of the shift who is not away, by name.
    const crew = (shift: Shift) => demo.agents.filter((a) => a.shiftId === shift.id && !a.away).sort(byName).map((a) => a.name);
    await waitFor(() => expect(names(group('On shift now'))).toEqual(crew(early)));
    expect(within(group('On shift now')).getByText('Early, 06:00–14:00')).toBeTruthy();
    expect(names(group('Next shift'))).toEqual(crew(late));
    expect(within(group('Next shift')).getByText('Late, starts at 14:00 (in 3 h 0 min)')).toBeTruthy();
    expect(names(group('Away today'))).toEqual(['Hana Navrátilová', 'Radek Beneš']);
  });

  it('follows the roster of the day: a late agent off today, an early agent moved to the late shift', async () => {
    const { services, demo, db } = await makeConsole({ email: 'supervisor@example.com' });
    const { early, late } = shiftsOf(demo);
    const agent = (name: string) => demo.agents.find((a) => a.name === name) as Agent;
    const ondrej = agent('Ondřej Marek');
    const jana = agent('Jana Nováková');
    await db.roster.bulkPut([
      { id: rosterEntryId('2026-11-20', ondrej.id), date: '2026-11-20', agentId: ondrej.id, shiftId: null },
      { id: rosterEntryId('2026-11-20', jana.id), date: '2026-11-20', agentId: jana.id, shiftId: late.id },
      // Another day's entry changes nothing today.
      { id: rosterEntryId('2026-11-21', jana.id), date: '2026-11-21', agentId: jana.id, shiftId: null },
    ]);
    await openSupervisor(services, 'roster');

    const crew = (shift: Shift, without: Agent[], plus: Agent[] = []) =>
      [...demo.agents.filter((a) => a.shiftId === shift.id && !a.away && !without.includes(a)), ...plus].sort(byName).map((a) => a.name);
    await waitFor(() => expect(names(group('Next shift'))).toEqual(crew(late, [ondrej], [jana])));
    expect(names(group('On shift now'))).toEqual(crew(early, [jana]));
    expect(names(group('Away today'))).toEqual(['Hana Navrátilová', 'Ondřej Marek', 'Radek Beneš']);
  });

  it('editing a cell queues roster.set and the grid shows it at once', async () => {
    // A grid of 150 selects: skip user-event's pointer-events walk (getComputedStyle up every ancestor).
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const { services, demo, db } = await makeConsole({ email: 'supervisor@example.com' });
    const { late, night } = shiftsOf(demo);
    const ondrej = demo.agents.find((a) => a.name === 'Ondřej Marek') as Agent;
    const { pane } = await openSupervisor(services, 'roster');

    const grid = await within(pane).findByRole('table', { name: 'Roster of the next 7 days' });
    const days = within(grid).getAllByRole('columnheader').slice(1).map((th) => th.querySelector('time')?.getAttribute('datetime'));
    expect(days).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    // The agents' rows come with the cache's live query, after the table itself.
    const cells = await within(grid).findAllByLabelText(/^Shift of Ondřej Marek on /);
    expect(cells).toHaveLength(7);
    // Without an entry a cell shows the agent's usual shift.
    expect(cells.map((c) => (c as HTMLSelectElement).value)).toEqual(Array(7).fill(late.id));

    await user.selectOptions(cells[1] as HTMLElement, 'Night');
    // The change is written to the outbox after the event (a transaction of its own): wait for it.
    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(1));
    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('roster.set');
    expect(entry?.args).toEqual({ date: '2026-11-21', agentId: ondrej.id, shiftId: night.id });
    await waitFor(async () => expect(await db.roster.get(rosterEntryId('2026-11-21', ondrej.id))).toEqual(
      { id: rosterEntryId('2026-11-21', ondrej.id), date: '2026-11-21', agentId: ondrej.id, shiftId: night.id },
    ));
    await waitFor(() => expect((within(grid).getAllByLabelText(/^Shift of Ondřej Marek on /)[1] as HTMLSelectElement).value).toBe(night.id));

    await user.selectOptions(within(grid).getAllByLabelText(/^Shift of Ondřej Marek on /)[2] as HTMLElement, 'Off');
    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(2));
    const entries = await pendingMutations(services);
    expect(entries[1]?.args).toEqual({ date: '2026-11-22', agentId: ondrej.id, shiftId: null });
  });

  it('a Help-Desk supervisor rosters only agents who work the Help Desk', async () => {
    const { services, demo } = await makeConsole({ email: 'lenka.markova@switchboard.example' });
    const { pane } = await openSupervisor(services, 'roster');
    const grid = await within(pane).findByRole('table', { name: 'Roster of the next 7 days' });
    const rows = within(grid).getAllByRole('rowheader').map((th) => th.firstChild?.textContent);
    const helpAgents = demo.agents.filter((a) => a.role !== 'admin' && a.desks.includes('help') && a.role !== 'field_tech').map((a) => a.name);
    expect([...rows].sort()).toEqual([...helpAgents].sort());
  });
});
