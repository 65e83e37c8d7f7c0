// The roster as the Roster tab shows it: the days ahead, who is on shift now and next, who is away, and
// whose roster this supervisor may edit. Days are those of the shifts' time zone.
import { desksOf, maySeeDesk } from '../../shared/rules/permissions';
import { addDays, crewOf, dayPlan, localTime, shiftNext, shiftsOnNow, type RosterIndex, type ShiftRun } from '../../shared/rules/roster';
import { DEFAULT_TIME_ZONE } from '../../shared/rules/ticket-state';
import type { Agent, Shift } from '../../shared/schemas/entities';

export const ROSTER_DAYS = 7;

/** The zone the roster's days are counted in: the shifts' own (they share one in practice). */
export const rosterZone = (shifts: readonly Shift[]): string => shifts[0]?.timeZone ?? DEFAULT_TIME_ZONE;

export function rosterDays(nowMs: number, timeZone: string, count = ROSTER_DAYS): string[] {
  const today = localTime(nowMs, timeZone).date;
  return Array.from({ length: count }, (_, i) => addDays(today, i));
}

export type Crew = { run: ShiftRun; agents: Agent[] };
export type Coverage = { now: Crew[]; next: Crew | null; away: Agent[] };

export function coverage(shifts: readonly Shift[], agents: readonly Agent[], roster: RosterIndex, nowMs: number): Coverage {
  const today = localTime(nowMs, rosterZone(shifts)).date;
  const next = shiftNext(shifts, nowMs);
  return {
    now: shiftsOnNow(shifts, nowMs).map((run) => ({ run, agents: crewOf(run, agents, roster) })),
    next: next ? { run: next, agents: crewOf(next, agents, roster) } : null,
    away: agents.filter((a) => dayPlan(a, today, roster).away).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Agents whose roster this supervisor edits (those of its desks who work shifts), by usual shift, then name. */
export function rosterAgents(actor: Agent, agents: readonly Agent[], shifts: readonly Shift[]): Agent[] {
  const order = new Map(shifts.map((s, i) => [s.id, i]));
  const rank = (a: Agent) => (a.shiftId === null ? shifts.length : (order.get(a.shiftId) ?? shifts.length));
  return agents
    .filter((a) => (a.role !== 'admin' || a.shiftId !== null) && desksOf(a).some((d) => maySeeDesk(actor, d)))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
