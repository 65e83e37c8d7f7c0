// The handover wizard: its preview is, ticket by ticket, the shared planHandover over the cached agents and
// open tickets (the plan the server runs); a changed target becomes an override that reshapes the plan
// and travels in the queued `shift.handover`; once the server answers, the moves are shown and compared
// with the preview they were run from.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { planHandover, type HandoverMove, type HandoverStrategy } from '../../../shared/rules/handover';
import { maySeeDesk } from '../../../shared/rules/permissions';
import { rosterEntryId, rosterIndex } from '../../../shared/rules/roster';
import type { RosterEntry, Shift } from '../../../shared/schemas/entities';
import type { Ticket } from '../../../shared/schemas/ticket';
import { FIXTURE_NOW, makeConsole } from '../console-fixture';
import { answerFromServer, openSupervisor, openTickets, pendingMutations, resetSupervisorStore } from './supervisor-fixture';

type Demo = Awaited<ReturnType<typeof makeConsole>>['demo'];

const shiftNamed = (demo: Demo, name: string) => demo.shifts.find((s) => s.name === name) as Shift;

/** The preview as the supervisor reads it: ticket key, from, and the chosen target of each row. */
function previewRows(pane: HTMLElement) {
  const table = within(pane).getByRole('table', { name: /tickets? moves?$/ });
  return [...table.querySelectorAll('tbody tr')].map((tr) => ({
    key: tr.querySelector('th')?.textContent,
    from: tr.querySelectorAll('td')[1]?.textContent,
    to: (tr.querySelector('select') as HTMLSelectElement).value,
  }));
}

function expectedRows(demo: Demo, moves: readonly HandoverMove[]) {
  const key = (id: string) => demo.tickets.find((t) => t.id === id)?.key;
  const name = (id: string | null) => demo.agents.find((a) => a.id === id)?.name;
  return moves.map((m) => ({ key: key(m.ticketId), from: name(m.from), to: m.to }));
}

function plan(demo: Demo, strategy: HandoverStrategy, overrides?: Record<string, string>, roster: readonly RosterEntry[] = []) {
  return planHandover({
    fromShiftId: shiftNamed(demo, 'Early').id, toShiftId: shiftNamed(demo, 'Late').id, strategy,
    agents: demo.agents, shifts: demo.shifts, roster: rosterIndex(roster), nowMs: FIXTURE_NOW.getTime(),
    tickets: openTickets(demo.tickets), ...(overrides ? { overrides } : {}),
  });
}

describe('the handover wizard', () => {
  beforeEach(resetSupervisorStore);

  it('previews, ticket by ticket, what planHandover gives for the shift on duty to the next one', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'handover');
    // At 11:00 in Prague the early shift hands over to the late one.
    await waitFor(() => expect((within(pane).getByRole('combobox', { name: 'Leaving shift' }) as HTMLSelectElement).value).toBe(shiftNamed(demo, 'Early').id));
    expect((within(pane).getByRole('combobox', { name: 'Arriving shift' }) as HTMLSelectElement).value).toBe(shiftNamed(demo, 'Late').id);

    const balanced = plan(demo, 'balanced');
    expect(balanced.moves.length).toBeGreaterThan(5);
    await waitFor(() => expect(previewRows(pane)).toEqual(expectedRows(demo, balanced.moves)));
    expect(within(pane).getByRole('button', { name: `Run handover (${balanced.moves.length} tickets)` })).toBeTruthy();

    await user.click(within(pane).getByRole('radio', { name: 'Round robin' }));
    const roundRobin = plan(demo, 'round_robin');
    await waitFor(() => expect(previewRows(pane)).toEqual(expectedRows(demo, roundRobin.moves)));
    expect(roundRobin.moves.map((m) => m.to)).not.toEqual(balanced.moves.map((m) => m.to));

    // Each target offers exactly the arriving agents who work the ticket's desk and are not away.
    const first = roundRobin.moves[0] as HandoverMove;
    const ticket = demo.tickets.find((t) => t.id === first.ticketId) as Ticket;
    const options = within(within(pane).getByRole('combobox', { name: `Arriving agent for ${ticket.key}` })).getAllByRole('option').map((o) => o.textContent);
    const late = shiftNamed(demo, 'Late');
    expect(options).toEqual(demo.agents.filter((a) => a.shiftId === late.id && !a.away && maySeeDesk(a, ticket.desk)).map((a) => a.name).sort((a, b) => a.localeCompare(b)));
  });

  it('an override reshapes the preview and goes in the queued shift.handover, whose outcome equals the preview', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'handover');
    const balanced = plan(demo, 'balanced');
    await waitFor(() => expect(previewRows(pane)).toEqual(expectedRows(demo, balanced.moves)));

    // Give the most urgent ticket to another arriving agent of its desk.
    const first = balanced.moves[0] as HandoverMove;
    const ticket = demo.tickets.find((t) => t.id === first.ticketId) as Ticket;
    const select = within(pane).getByRole('combobox', { name: `Arriving agent for ${ticket.key}` }) as HTMLSelectElement;
    const other = [...select.options].find((o) => o.value !== first.to) as HTMLOptionElement;
    await user.selectOptions(select, other.value);
    const adjusted = plan(demo, 'balanced', { [first.ticketId]: other.value });
    expect(adjusted.moves[0]?.to).toBe(other.value);
    await waitFor(() => expect(previewRows(pane)).toEqual(expectedRows(demo, adjusted.moves)));

    await user.type(within(pane).getByRole('textbox', { name: 'Handover note' }), 'VPN outage open');
    await user.click(within(pane).getByRole('button', { name: /^Run handover/ }));
    const entries = await pendingMutations(services);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.name).toBe('shift.handover');
    expect(entries[0]?.args).toEqual({
      fromShiftId: shiftNamed(demo, 'Early').id, toShiftId: shiftNamed(demo, 'Late').id, strategy: 'balanced',
      note: 'VPN outage open', overrides: { [first.ticketId]: other.value },
    });
    const result = within(pane).getByRole('region', { name: 'Outcome of the handover' });
    await waitFor(() => expect(result.textContent).toContain(`Handover queued (${adjusted.moves.length} tickets in the preview)`));
    // Not twice: the same shifts cannot be handed over again while this one waits.
    expect((within(pane).getByRole('button', { name: /^Run handover/ }) as HTMLButtonElement).disabled).toBe(true);

    // The server runs the same plan over the same data.
    const answer = await answerFromServer(services, entries[0]!, { tickets: demo.tickets, agents: demo.agents, shifts: demo.shifts, organizations: demo.organizations });
    expect((answer.details as { moved: HandoverMove[] }).moved).toEqual(adjusted.moves);
    await waitFor(() => expect(result.textContent).toContain('The outcome equals the preview.'));
    expect(result.textContent).toContain(`${adjusted.moves.length} tickets moved.`);
    const moves = within(result).getByRole('table', { name: 'Moves' });
    expect(moves.querySelectorAll('tbody tr')).toHaveLength(adjusted.moves.length);
  });

  it('says where the outcome differs when the data moved on between preview and run', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'handover');
    const balanced = plan(demo, 'balanced');
    await waitFor(() => expect(previewRows(pane)).toEqual(expectedRows(demo, balanced.moves)));
    await user.click(within(pane).getByRole('button', { name: /^Run handover/ }));
    const [entry] = await pendingMutations(services);

    // Before the push, someone resolved the last ticket of the preview on the server.
    const last = balanced.moves.at(-1) as HandoverMove;
    const server = demo.tickets.map((t) => (t.id === last.ticketId ? { ...t, status: 'resolved' as const } : t));
    await answerFromServer(services, entry!, { tickets: server, agents: demo.agents, shifts: demo.shifts, organizations: demo.organizations });
    const result = screen.getByRole('region', { name: 'Outcome of the handover' });
    await waitFor(() => expect(result.textContent).toContain('The outcome differs from the preview in 1 ticket'));
    const key = demo.tickets.find((t) => t.id === last.ticketId)?.key;
    const name = demo.agents.find((a) => a.id === last.to)?.name;
    expect(within(result).getByRole('list', { name: 'Differences from the preview' }).textContent).toBe(`${key}: preview ${name}, outcome not moved`);
  });

  it('follows the cached roster of today: an agent rostered off takes nothing, one rostered onto the late shift does, and the server agrees', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const late = shiftNamed(demo, 'Late');
    const byEmail = (mail: string) => demo.agents.find((a) => a.email === mail)!;
    const off = byEmail('marketa.nemcova@switchboard.example'); // works both desks: would take tickets
    const cover = byEmail('pavel.sedlacek@switchboard.example'); // usually on the night shift
    const today = '2026-11-20';
    const roster: RosterEntry[] = [
      { id: rosterEntryId(today, off.id), date: today, agentId: off.id, shiftId: null },
      { id: rosterEntryId(today, cover.id), date: today, agentId: cover.id, shiftId: late.id },
    ];
    await services.db.roster.bulkPut(roster);
    const { pane } = await openSupervisor(services, 'handover');

    const rostered = plan(demo, 'balanced', undefined, roster);
    const targets = new Set(rostered.moves.map((m) => m.to));
    expect(targets.has(cover.id)).toBe(true);
    expect(targets.has(off.id)).toBe(false);
    expect(rostered.moves.map((m) => m.to)).not.toEqual(plan(demo, 'balanced').moves.map((m) => m.to));
    await waitFor(() => expect(previewRows(pane)).toEqual(expectedRows(demo, rostered.moves)));
    const lateCrew = demo.agents.filter((a) => (a.shiftId === late.id && !a.away && a.id !== off.id) || a.id === cover.id);
    expect(within(pane).getByText(new RegExp(`arriving: Late of .*, ${lateCrew.length} agents on the roster`))).toBeTruthy();

    // The targets offer the rostered crew only.
    const first = rostered.moves.find((m) => demo.tickets.find((t) => t.id === m.ticketId)?.desk === 'service')!;
    const key = demo.tickets.find((t) => t.id === first.ticketId)?.key;
    const options = within(within(pane).getByRole('combobox', { name: `Arriving agent for ${key}` })).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain(cover.name);
    expect(options).not.toContain(off.name);

    await user.click(within(pane).getByRole('button', { name: /^Run handover/ }));
    const [entry] = await pendingMutations(services);
    const answer = await answerFromServer(services, entry!, { tickets: demo.tickets, agents: demo.agents, shifts: demo.shifts, roster, organizations: demo.organizations });
    expect((answer.details as { moved: HandoverMove[] }).moved).toEqual(rostered.moves);
    const result = within(pane).getByRole('region', { name: 'Outcome of the handover' });
    await waitFor(() => expect(result.textContent).toContain('The outcome equals the preview.'));
  });

  it('does not run a shift into itself', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'handover');
    const arriving = within(pane).getByRole('combobox', { name: 'Arriving shift' }) as HTMLSelectElement;
    await waitFor(() => expect(arriving.value).toBe(shiftNamed(demo, 'Late').id));
    await user.selectOptions(arriving, shiftNamed(demo, 'Early').id);
    expect(within(pane).getByRole('alert').textContent).toBe('Choose two different shifts.');
    expect((within(pane).getByRole('button', { name: /^Run handover/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
