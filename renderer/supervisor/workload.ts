// The supervisor's board as numbers: per agent the open tickets by desk and priority, SLA at risk and
// breached, against capacity; per desk the unassigned queue and what breaches within the hour; and the
// SLA risk of the next hours. Pure, so the board and its tests read the same figures.
import { PRIORITIES, priorityRank, type Priority } from '../../shared/rules/priority';
import { desksOf, maySeeDesk } from '../../shared/rules/permissions';
import { compareText } from '../../shared/rules/compare';
import { DEFAULT_TIME_ZONE } from '../../shared/rules/ticket-state';
import type { Desk } from '../../shared/schemas/common';
import type { Agent, Organization } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { createSlaReader, type SlaReading } from './sla-reading';

const HOUR = 3_600_000;
export const RISK_HOURS = 8;

export type AgentLoad = {
  agent: Agent;
  open: number;
  byDesk: Record<Desk, number>;
  byPriority: Record<Priority, number>;
  atRisk: number;
  breached: number;
  /** Open tickets against capacity (1 = full); capacity 0 counts any load as over. */
  loadShare: number;
  /** The agent's open tickets, most urgent first. */
  tickets: Ticket[];
};

export type DeskLoad = {
  desk: Desk;
  open: number;
  /** Open tickets nobody holds, most urgent first. */
  unassigned: Ticket[];
  /** Running clocks that run out within the next hour, soonest first. */
  breachingSoon: Ticket[];
};

export type Workload = {
  agents: AgentLoad[];
  desks: DeskLoad[];
  /** Open tickets whose resolution is due in each of the next hours (hour 0: within the next 60 minutes). */
  riskByHour: number[];
  readings: ReadonlyMap<string, SlaReading>;
};

export type WorkloadInput = {
  tickets: readonly Ticket[];
  agents: readonly Agent[];
  organizations: readonly Organization[];
  /** The desks on the board (the supervisor's). */
  desks: readonly Desk[];
  nowMs: number;
};

const emptyByPriority = () => Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;

export function byUrgency(readings: ReadonlyMap<string, SlaReading>) {
  return (a: Ticket, b: Ticket) =>
    priorityRank(a.priority) - priorityRank(b.priority) ||
    (readings.get(a.id)?.dueMs ?? Infinity) - (readings.get(b.id)?.dueMs ?? Infinity) ||
    compareText(a.id, b.id);
}

export function computeWorkload(input: WorkloadInput): Workload {
  const { nowMs } = input;
  const zones = new Map(input.organizations.map((o) => [o.id, o.timeZone]));
  const read = createSlaReader(nowMs);
  const readings = new Map<string, SlaReading>();
  const onBoard = input.tickets.filter((t) => input.desks.includes(t.desk) && t.status !== 'resolved' && t.status !== 'closed');
  for (const t of onBoard) readings.set(t.id, read(t, zones.get(t.organizationId) ?? DEFAULT_TIME_ZONE));
  const urgent = byUrgency(readings);

  // Everyone who works a desk on the board, and anyone else who holds a ticket of it.
  const holders = new Set(onBoard.flatMap((t) => (t.assigneeId === null ? [] : [t.assigneeId])));
  const loads = new Map<string, AgentLoad>();
  for (const agent of input.agents) {
    const works = agent.role !== 'admin' && desksOf(agent).some((d) => input.desks.includes(d));
    if (!works && !holders.has(agent.id)) continue;
    loads.set(agent.id, { agent, open: 0, byDesk: { service: 0, help: 0 }, byPriority: emptyByPriority(), atRisk: 0, breached: 0, loadShare: 0, tickets: [] });
  }
  const desks = new Map<Desk, DeskLoad>(input.desks.map((desk) => [desk, { desk, open: 0, unassigned: [], breachingSoon: [] }]));
  const riskByHour = Array.from({ length: RISK_HOURS }, () => 0);

  for (const t of onBoard) {
    const reading = readings.get(t.id) as SlaReading;
    const desk = desks.get(t.desk) as DeskLoad;
    desk.open++;
    if (t.assigneeId === null) desk.unassigned.push(t);
    if (reading.dueMs !== null && reading.dueMs > nowMs) {
      const hour = Math.ceil((reading.dueMs - nowMs) / HOUR) - 1;
      if (hour < RISK_HOURS) riskByHour[hour] = (riskByHour[hour] ?? 0) + 1;
      if (hour === 0) desk.breachingSoon.push(t);
    }
    const load = t.assigneeId === null ? undefined : loads.get(t.assigneeId);
    if (!load) continue;
    load.open++;
    load.byDesk[t.desk]++;
    load.byPriority[t.priority]++;
    if (reading.state === 'at_risk') load.atRisk++;
    if (reading.state === 'breached') load.breached++;
    load.tickets.push(t);
  }
  for (const load of loads.values()) {
    load.tickets.sort(urgent);
    load.loadShare = load.agent.capacity > 0 ? load.open / load.agent.capacity : load.open > 0 ? Infinity : 0;
  }
  for (const desk of desks.values()) {
    desk.unassigned.sort(urgent);
    desk.breachingSoon.sort((a, b) => (readings.get(a.id)?.dueMs ?? 0) - (readings.get(b.id)?.dueMs ?? 0) || compareText(a.id, b.id));
  }
  return {
    agents: [...loads.values()].sort((a, b) => a.agent.name.localeCompare(b.agent.name) || compareText(a.agent.id, b.agent.id)),
    desks: [...desks.values()],
    riskByHour,
    readings,
  };
}

/** Agents who may take every one of these tickets (they work each ticket's desk), by name. */
export function agentsForAll(agents: readonly Agent[], tickets: readonly Pick<Ticket, 'desk'>[]): Agent[] {
  const desks = new Set(tickets.map((t) => t.desk));
  return agents
    .filter((a) => a.role !== 'admin' && [...desks].every((d) => maySeeDesk(a, d)))
    .sort((a, b) => a.name.localeCompare(b.name));
}
