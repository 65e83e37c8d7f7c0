// Who hands over and who takes over at a shift handover, read from the roster at the handover's instant.
// The leaving crew works the leaving shift's latest run (under way, or just over); the arriving crew works
// the arriving shift's run under way or, when none is, its next one: a handover run a few minutes after
// the arriving shift began still goes to the people now on duty, not to tomorrow's. The console's preview
// and the server's run both come here, so the same roster gives the same crews.
import type { Agent, Shift } from '../schemas/entities';
import { compareText } from './compare';
import { crewOf, lastRun, nextRun, runAt, scheduledShiftId, type RosterIndex, type ShiftRun } from './roster';

export type HandoverRuns = { leavingRun: ShiftRun | null; arrivingRun: ShiftRun | null };
export type HandoverCrews = HandoverRuns & { leaving: Agent[]; arriving: Agent[] };

export type CrewInput = {
  fromShiftId: string;
  toShiftId: string;
  /** Every shift (the two named at least): their times place the runs. */
  shifts: readonly Shift[];
  agents: readonly Agent[];
  /** Roster entries of the runs' days (see handoverDates); an agent without one works the usual shift. */
  roster: RosterIndex;
  /** The instant of the handover. */
  nowMs: number;
};

export function handoverRuns(shifts: readonly Shift[], fromShiftId: string, toShiftId: string, nowMs: number): HandoverRuns {
  const from = shifts.find((s) => s.id === fromShiftId);
  const to = shifts.find((s) => s.id === toShiftId);
  return {
    leavingRun: from ? lastRun(from, nowMs) : null,
    arrivingRun: to ? (runAt(to, nowMs) ?? nextRun(to, nowMs)) : null,
  };
}

/** The roster days the crews depend on: all a server needs to load for a handover. */
export function handoverDates(runs: HandoverRuns): string[] {
  const dates = [runs.leavingRun?.date, runs.arrivingRun?.date].filter((d): d is string => d !== undefined);
  return [...new Set(dates)].sort();
}

const byName = (a: Agent, b: Agent) => a.name.localeCompare(b.name) || compareText(a.id, b.id);

export function handoverCrews(input: CrewInput): HandoverCrews {
  const runs = handoverRuns(input.shifts, input.fromShiftId, input.toShiftId, input.nowMs);
  const { leavingRun, arrivingRun } = runs;
  // Away agents and agents rostered off take no work.
  const arriving = arrivingRun ? crewOf(arrivingRun, input.agents, input.roster).sort(byName) : [];
  const staying = new Set(arriving.map((a) => a.id));
  // An agent marked away still leaves: the open work of someone off sick needs a new owner most of all.
  // One who also works the arriving run (a double shift) stays on duty and keeps their tickets.
  const leaving = leavingRun
    ? input.agents
      .filter((a) => scheduledShiftId(a, leavingRun.date, input.roster) === input.fromShiftId && !staying.has(a.id))
      .sort(byName)
    : [];
  return { ...runs, leaving, arriving };
}
