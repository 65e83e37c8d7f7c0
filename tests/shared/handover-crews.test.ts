// Who leaves and who arrives at a shift handover comes from the roster at the handover's instant: the
// leaving crew works the leaving shift's latest run, the arriving crew the arriving shift's run under way
// or next; away agents and agents rostered off take no work. The server's shift.handover follows it.
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../../shared/rules/apply-mutation';
import { handoverCrews, handoverDates, handoverRuns } from '../../shared/rules/handover-crews';
import { planHandover } from '../../shared/rules/handover';
import { lastRun, rosterEntryId, rosterIndex } from '../../shared/rules/roster';
import { RosterEntry, Shift, type Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { agentMap, agents, context, expectStatus, makeAgent, mutation, serviceTicket, ticketWith } from './fixtures';

const PRAGUE = 'Europe/Prague';
const early = Shift.parse({ id: '0195b3a0-1c00-7c00-ac00-0000000000e1', name: 'Early', start: '06:00', end: '14:00', timeZone: PRAGUE });
const late = Shift.parse({ id: '0195b3a0-1c00-7c00-ac00-0000000000e2', name: 'Late', start: '14:00', end: '22:00', timeZone: PRAGUE });
const night = Shift.parse({ id: '0195b3a0-1c00-7c00-ac00-0000000000e3', name: 'Night', start: '22:00', end: '06:00', timeZone: PRAGUE });
const SHIFTS = [early, late, night];

const agentId = (n: number) => `0195b3a0-1c00-7a00-8a00-0000000002${String(n).padStart(2, '0')}`;
const eva = makeAgent({ id: agentId(1), name: 'Eva', role: 'agent', shiftId: early.id });
const emil = makeAgent({ id: agentId(2), name: 'Emil', role: 'agent', shiftId: early.id });
const lada = makeAgent({ id: agentId(3), name: 'Lada', role: 'agent', shiftId: late.id });
const libor = makeAgent({ id: agentId(4), name: 'Libor', role: 'agent', shiftId: late.id });
const nikol = makeAgent({ id: agentId(5), name: 'Nikol', role: 'agent', shiftId: night.id });
const TEAM = [eva, emil, lada, libor, nikol];

// 20 March 2025 (CET, UTC+1): 13:30 in Prague is 12:30 UTC.
const TODAY = '2025-03-20';
const YESTERDAY = '2025-03-19';
const TOMORROW = '2025-03-21';
const prague = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+01:00`);

const entry = (date: string, agent: Agent, shift: Shift | null) =>
  RosterEntry.parse({ id: rosterEntryId(date, agent.id), date, agentId: agent.id, shiftId: shift?.id ?? null });

function crews(from: Shift, to: Shift, nowMs: number, entries: RosterEntry[] = [], team: Agent[] = TEAM) {
  const result = handoverCrews({ fromShiftId: from.id, toShiftId: to.id, shifts: SHIFTS, agents: team, roster: rosterIndex(entries), nowMs });
  return {
    leaving: result.leaving.map((a) => a.name),
    arriving: result.arriving.map((a) => a.name),
    leavingDate: result.leavingRun?.date,
    arrivingDate: result.arrivingRun?.date,
  };
}

describe('the runs a handover is between', () => {
  it('leaves from the latest run of the leaving shift and arrives on the run under way or next', () => {
    // Before the late shift starts: today's early run leaves, today's late run arrives.
    expect(crews(early, late, prague(TODAY, '13:30'))).toMatchObject({ leavingDate: TODAY, arrivingDate: TODAY });
    // Ten minutes into the late shift: still today's late crew, not tomorrow's.
    expect(crews(early, late, prague(TODAY, '14:10'))).toMatchObject({ leavingDate: TODAY, arrivingDate: TODAY });
    // Night to early at 06:10: the night run that started yesterday leaves.
    expect(crews(night, early, prague(TODAY, '06:10'))).toMatchObject({ leavingDate: YESTERDAY, arrivingDate: TODAY });
    // Late to night at 23:00, the late shift over: tonight's night run is under way.
    expect(crews(late, night, prague(TODAY, '23:00'))).toMatchObject({ leavingDate: TODAY, arrivingDate: TODAY });
    // Early to late at 23:00: the late run of today is over, so the next one (tomorrow) arrives.
    expect(crews(early, late, prague(TODAY, '23:00'))).toMatchObject({ leavingDate: TODAY, arrivingDate: TOMORROW });
  });

  it('names the roster days the crews depend on, once each', () => {
    expect(handoverDates(handoverRuns(SHIFTS, night.id, early.id, prague(TODAY, '06:10')))).toEqual([YESTERDAY, TODAY]);
    expect(handoverDates(handoverRuns(SHIFTS, early.id, late.id, prague(TODAY, '13:30')))).toEqual([TODAY]);
    expect(handoverDates(handoverRuns(SHIFTS, early.id, 'no-such-shift', prague(TODAY, '13:30')))).toEqual([TODAY]);
  });

  it('a run that has not started yet is never the leaving one', () => {
    expect(lastRun(late, prague(TODAY, '13:59')).date).toBe(YESTERDAY);
    expect(lastRun(late, prague(TODAY, '14:00')).date).toBe(TODAY);
  });
});

describe('the crews follow the roster', () => {
  const at = prague(TODAY, '13:30');

  it('without roster entries, every agent works the usual shift', () => {
    expect(crews(early, late, at)).toMatchObject({ leaving: ['Emil', 'Eva'], arriving: ['Lada', 'Libor'] });
  });

  it('an agent rostered onto the arriving run arrives, one rostered off or elsewhere does not', () => {
    const roster = [entry(TODAY, nikol, late), entry(TODAY, libor, null)];
    expect(crews(early, late, at, roster)).toMatchObject({ leaving: ['Emil', 'Eva'], arriving: ['Lada', 'Nikol'] });
  });

  it('an agent rostered onto the leaving run leaves; one swapped away from it keeps working elsewhere', () => {
    const roster = [entry(TODAY, lada, early), entry(TODAY, emil, night)];
    expect(crews(early, late, at, roster)).toMatchObject({ leaving: ['Eva', 'Lada'], arriving: ['Libor'] });
  });

  it('reads the roster of the day each run started on', () => {
    // Nikol worked the early shift yesterday and is off today: at 06:10 the night run of yesterday leaves.
    const roster = [entry(YESTERDAY, eva, night), entry(TODAY, eva, early), entry(TODAY, nikol, null)];
    expect(crews(night, early, prague(TODAY, '06:10'), roster)).toMatchObject({ leaving: ['Nikol'], arriving: ['Emil', 'Eva'] });
    // An entry of another day changes nothing.
    expect(crews(early, late, at, [entry(TOMORROW, nikol, late), entry(YESTERDAY, libor, null)])).toMatchObject({ arriving: ['Lada', 'Libor'] });
  });

  it('an away agent takes no work but still hands over; one on both runs stays and keeps their tickets', () => {
    const awayEva = { ...eva, away: true };
    const awayLada = { ...lada, away: true };
    expect(crews(early, late, at, [], [awayEva, emil, awayLada, libor, nikol])).toMatchObject({ leaving: ['Emil', 'Eva'], arriving: ['Libor'] });
    // Yesterday's night worker rostered onto today's early shift is on duty still.
    const double = [entry(YESTERDAY, emil, night), entry(TODAY, emil, early)];
    expect(crews(night, early, prague(TODAY, '06:10'), double)).toMatchObject({ leaving: ['Nikol'], arriving: ['Emil', 'Eva'] });
  });
});

describe('shift.handover over the roster', () => {
  const tid = (n: number) => `0195b3a0-1c00-7d00-bd00-0000000002${String(n).padStart(2, '0')}`;
  const open = (n: number, assignee: Agent): Ticket => ticketWith(serviceTicket({ id: tid(n), impact: 'high', urgency: 'high' }), { assigneeId: assignee.id, status: 'open' });

  it('moves the rostered leaving crew’s work to the rostered arriving crew, the same as planHandover', () => {
    const tickets = [open(1, eva), open(2, lada), open(3, emil), open(4, libor)];
    // Today Lada swapped onto the early shift, Emil onto the night; Nikol covers the late shift, Libor is off.
    const roster = rosterIndex([entry(TODAY, lada, early), entry(TODAY, emil, night), entry(TODAY, nikol, late), entry(TODAY, libor, null)]);
    const now = new Date(prague(TODAY, '13:30')).toISOString();
    const args = { fromShiftId: early.id, toShiftId: late.id, strategy: 'round_robin' as const };
    const out = applyMutation(mutation('shift.handover', args), context(agents.supervisor, {
      now,
      agents: agentMap(agents.supervisor, ...TEAM),
      shifts: new Map(SHIFTS.map((s) => [s.id, s])),
      roster,
      tickets: new Map(tickets.map((t) => [t.id, t])),
    }));
    const details = expectStatus(out, 'applied').details as { moved: unknown[] };
    expect(details.moved).toEqual([
      { ticketId: tid(1), from: eva.id, to: nikol.id },
      { ticketId: tid(2), from: lada.id, to: nikol.id },
    ]);
    const preview = planHandover({ ...args, agents: TEAM, shifts: SHIFTS, roster, nowMs: Date.parse(now), tickets });
    expect(details.moved).toEqual(preview.moves);
  });
});
