// The handover as the wizard shows it. The preview is the shared `planHandover`, the very plan the server
// runs, over the cached agents, roster and open tickets at the console's clock, with the supervisor's
// overrides; so the outcome equals the preview unless the data moved on in between, and the result view
// says whether it did.
import { handoverCrews, handoverDates, handoverRuns, type HandoverCrews } from '../../shared/rules/handover-crews';
import { planHandover, type HandoverMove, type HandoverPlan, type HandoverStrategy } from '../../shared/rules/handover';
import { maySeeDesk } from '../../shared/rules/permissions';
import { compareText } from '../../shared/rules/compare';
import type { RosterIndex } from '../../shared/rules/roster';
import type { Agent, Shift } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';

export type HandoverChoice = { fromShiftId: string; toShiftId: string; strategy: HandoverStrategy; overrides: Readonly<Record<string, string>> };

/** What the preview is worked out over: the cache's agents, shifts and roster, at the console's clock. */
export type HandoverWorld = { agents: readonly Agent[]; shifts: readonly Shift[]; roster: RosterIndex; nowMs: number };

const NO_CREWS: HandoverCrews = { leavingRun: null, arrivingRun: null, leaving: [], arriving: [] };

const runnable = (choice: Pick<HandoverChoice, 'fromShiftId' | 'toShiftId'>) =>
  choice.fromShiftId !== '' && choice.toShiftId !== '' && choice.fromShiftId !== choice.toShiftId;

/** The roster days the preview needs from the cache (the same days the server reads). */
export function previewDates(choice: Pick<HandoverChoice, 'fromShiftId' | 'toShiftId'>, shifts: readonly Shift[], nowMs: number): string[] {
  return runnable(choice) ? handoverDates(handoverRuns(shifts, choice.fromShiftId, choice.toShiftId, nowMs)) : [];
}

export function previewCrews(choice: Pick<HandoverChoice, 'fromShiftId' | 'toShiftId'>, world: HandoverWorld): HandoverCrews {
  return runnable(choice) ? handoverCrews({ ...choice, ...world }) : NO_CREWS;
}

export function previewHandover(choice: HandoverChoice, world: HandoverWorld, openTickets: readonly Ticket[]): HandoverPlan {
  if (!runnable(choice)) return { moves: [], unplaced: [] };
  return planHandover({ ...choice, ...world, tickets: openTickets });
}

/** Arriving agents who may take this ticket: of the arriving crew, working its desk (as the plan picks). */
export function arrivingFor(ticket: Pick<Ticket, 'desk'>, arriving: readonly Agent[]): Agent[] {
  return arriving
    .filter((a) => maySeeDesk(a, ticket.desk))
    .sort((a, b) => a.name.localeCompare(b.name) || compareText(a.id, b.id));
}

/** The overrides worth sending: those of tickets the plan still moves. */
export function overridesToSend(overrides: Readonly<Record<string, string>>, plan: HandoverPlan): Record<string, string> | undefined {
  const moved = new Set(plan.moves.map((m) => m.ticketId));
  const kept = Object.entries(overrides).filter(([ticketId]) => moved.has(ticketId));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export type MoveDifference = { ticketId: string; preview: string | null; outcome: string | null };

/** Tickets whose outcome is not what the preview showed (moved elsewhere, not moved, or moved unexpectedly). */
export function compareMoves(preview: readonly HandoverMove[], outcome: readonly HandoverMove[]): MoveDifference[] {
  const planned = new Map(preview.map((m) => [m.ticketId, m.to]));
  const done = new Map(outcome.map((m) => [m.ticketId, m.to]));
  const ids = [...new Set([...planned.keys(), ...done.keys()])].sort(compareText);
  return ids.flatMap((ticketId) => {
    const p = planned.get(ticketId) ?? null;
    const o = done.get(ticketId) ?? null;
    return p === o ? [] : [{ ticketId, preview: p, outcome: o }];
  });
}

/** The `details` of a handover result, read defensively: they come from the server. */
export function handoverDetails(details: unknown): { moved: HandoverMove[]; unplaced: string[] } {
  const d = (details ?? {}) as { moved?: unknown; unplaced?: unknown };
  const moved = Array.isArray(d.moved)
    ? d.moved.filter((m): m is HandoverMove => typeof m === 'object' && m !== null && typeof m.ticketId === 'string' && typeof m.to === 'string')
    : [];
  const unplaced = Array.isArray(d.unplaced) ? d.unplaced.filter((x): x is string => typeof x === 'string') : [];
  return { moved, unplaced };
}
