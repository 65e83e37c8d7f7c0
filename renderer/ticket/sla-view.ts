// The two SLA timers of a ticket as the agent reads them: computed by the shared SLA clock (the same
// rules the server uses) and reduced to one state each, so the header can say it in words.
import { DEFAULT_SLA_POLICY, calendarFor, slaClock, type SlaPolicy } from '../../shared/rules/sla';
import type { Ticket } from '../../shared/schemas/ticket';

export type TimerKind = 'firstResponse' | 'resolution';
/** running / paused / at risk / breached while the clock runs; met or missed once it stopped. */
export type TimerState = 'running' | 'paused' | 'at_risk' | 'breached' | 'met' | 'missed';
/** `paused` is also set on a breached or at-risk clock that the pending status holds. */
export type TimerView = { kind: TimerKind; state: TimerState; paused: boolean; remainingMs: number; dueAt: string | null };

export function slaTimers(ticket: Ticket, timeZone: string, now: Date, policy: SlaPolicy = DEFAULT_SLA_POLICY): TimerView[] {
  const calendar = calendarFor(ticket.desk, timeZone);
  const targets = policy[ticket.desk][ticket.priority];
  const at = now.toISOString();
  // The first response is owed whatever the requester does: pending pauses only the resolution clock.
  const first = slaClock({
    calendar, startedAt: ticket.createdAt, targetMinutes: targets.firstResponseMinutes, pauses: [], now: at,
    // Resolving without a reply still ends the wait for one.
    stoppedAt: ticket.sla.firstResponseAt ?? ticket.sla.resolvedAt,
  });
  const resolution = slaClock({
    calendar, startedAt: ticket.createdAt, targetMinutes: targets.resolutionMinutes, pauses: ticket.sla.pauses, now: at,
    stoppedAt: ticket.sla.resolvedAt,
  });
  const stopped = { firstResponse: (ticket.sla.firstResponseAt ?? ticket.sla.resolvedAt) !== null, resolution: ticket.sla.resolvedAt !== null };
  return ([['firstResponse', first], ['resolution', resolution]] as const).map(([kind, clock]) => {
    let state: TimerState;
    if (stopped[kind]) state = clock.state === 'breached' ? 'missed' : 'met';
    else if (clock.state === 'breached') state = 'breached';
    else if (clock.paused) state = 'paused';
    else state = clock.state === 'at_risk' ? 'at_risk' : 'running';
    return { kind, state, paused: !stopped[kind] && clock.paused, remainingMs: clock.remainingMs, dueAt: clock.dueAt };
  });
}
