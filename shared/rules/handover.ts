// Where each open ticket of a leaving shift goes (PROTOCOL.md, shift.handover). One pure plan, so the
// supervisor's preview in the console and the server's run of the handover give the same moves. Who
// leaves and who arrives comes from the roster at the handover's instant (handover-crews.ts).
import type { Agent } from '../schemas/entities';
import type { Ticket } from '../schemas/ticket';
import { maySeeDesk } from './permissions';
import { compareText } from './compare';
import { handoverCrews, type CrewInput } from './handover-crews';
import { priorityRank } from './priority';
import { isOpenStatus } from './status';

export type HandoverStrategy = 'balanced' | 'round_robin';
export type HandoverMove = { ticketId: string; from: string | null; to: string };
export type HandoverPlan = { moves: HandoverMove[]; unplaced: string[] };

export type HandoverInput = CrewInput & {
  strategy: HandoverStrategy;
  /** Every open ticket; the plan picks those assigned to the leaving shift. */
  tickets: readonly Ticket[];
  /** Supervisor's adjustments to the preview: ticket id → arriving agent id. */
  overrides?: Readonly<Record<string, string>>;
};

const byUrgency = (a: Ticket, b: Ticket) =>
  priorityRank(a.priority) - priorityRank(b.priority) ||
  compareText(a.sla.resolutionDueAt ?? '9999', b.sla.resolutionDueAt ?? '9999') ||
  compareText(a.id, b.id);

function skillMatch(agent: Agent, ticket: Ticket): number {
  const wanted = [ticket.category, ticket.desk === 'service' ? ticket.service : ticket.product, ...ticket.tags];
  return wanted.filter((w) => w !== null && agent.skills.includes(w)).length;
}

export function planHandover(input: HandoverInput): HandoverPlan {
  const crews = handoverCrews(input);
  const leaving = new Set(crews.leaving.map((a) => a.id));
  const arriving = crews.arriving;
  const load = new Map(arriving.map((a) => [a.id, 0]));
  for (const t of input.tickets) {
    if (t.assigneeId !== null && load.has(t.assigneeId) && isOpenStatus(t.status)) load.set(t.assigneeId, (load.get(t.assigneeId) ?? 0) + 1);
  }
  const toMove = input.tickets
    .filter((t) => t.assigneeId !== null && leaving.has(t.assigneeId) && isOpenStatus(t.status))
    .sort(byUrgency);

  const moves: HandoverMove[] = [];
  const unplaced: string[] = [];
  const turn = { service: 0, help: 0 };
  for (const ticket of toMove) {
    // The desks an agent works, not the profile's list: a field tech serves the Service Desk only.
    const candidates = arriving.filter((a) => maySeeDesk(a, ticket.desk));
    const override = input.overrides?.[ticket.id];
    let to: Agent | undefined = override === undefined ? undefined : candidates.find((a) => a.id === override);
    if (to === undefined && candidates.length > 0) {
      if (input.strategy === 'round_robin') {
        to = candidates[turn[ticket.desk]++ % candidates.length];
      } else {
        to = [...candidates].sort(
          (a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || skillMatch(b, ticket) - skillMatch(a, ticket),
        )[0];
      }
    }
    if (to === undefined) {
      unplaced.push(ticket.id);
      continue;
    }
    load.set(to.id, (load.get(to.id) ?? 0) + 1);
    moves.push({ ticketId: ticket.id, from: ticket.assigneeId, to: to.id });
  }
  return { moves, unplaced };
}
