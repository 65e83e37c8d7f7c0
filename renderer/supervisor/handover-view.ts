// The handover as the wizard shows it. The preview is the shared `planHandover`, the very plan the server
// runs, over the cached agents and open tickets, with the supervisor's overrides; so the outcome equals
// the preview unless the data moved on in between, and the result view says whether it did.
import { planHandover, type HandoverMove, type HandoverPlan, type HandoverStrategy } from '../../shared/rules/handover';
import { maySeeDesk } from '../../shared/rules/permissions';
import { compareText } from '../../shared/rules/compare';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';

export type HandoverChoice = { fromShiftId: string; toShiftId: string; strategy: HandoverStrategy; overrides: Readonly<Record<string, string>> };

export function previewHandover(choice: HandoverChoice, agents: readonly Agent[], openTickets: readonly Ticket[]): HandoverPlan {
  if (choice.fromShiftId === '' || choice.toShiftId === '' || choice.fromShiftId === choice.toShiftId) return { moves: [], unplaced: [] };
  return planHandover({ ...choice, agents, tickets: openTickets });
}

/** Arriving agents who may take this ticket: on the arriving shift, not away, working its desk (as the plan picks). */
export function arrivingFor(ticket: Pick<Ticket, 'desk'>, agents: readonly Agent[], toShiftId: string): Agent[] {
  return agents
    .filter((a) => a.shiftId === toShiftId && !a.away && maySeeDesk(a, ticket.desk))
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
