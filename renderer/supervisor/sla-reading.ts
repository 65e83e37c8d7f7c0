// The resolution SLA state of an open ticket at an instant, cheap enough to run over every open ticket on
// each change. A running clock is read from its stored due time: with no pause ahead, the time left is the
// working time from now to the due time, exactly what the shared slaClock would say. Only a clock that a
// pause holds right now goes through slaClock itself.
import { workingMs, type Calendar } from '../../shared/rules/calendar';
import { DEFAULT_SLA_POLICY, calendarFor, slaClock, type SlaPolicy, type SlaState } from '../../shared/rules/sla';
import type { Ticket } from '../../shared/schemas/ticket';

/** Mirrors AT_RISK_SHARE of shared/rules/sla.ts: at risk once less than this share of the target is left. */
const AT_RISK_SHARE = 0.2;
const MINUTE = 60_000;

export type SlaReading = { state: SlaState; /** Null while a pause holds the clock. */ dueMs: number | null };

export function createSlaReader(nowMs: number, policy: SlaPolicy = DEFAULT_SLA_POLICY) {
  const calendars = new Map<string, Calendar>();
  const calendar = (desk: Ticket['desk'], timeZone: string) => {
    const key = desk === 'service' ? '24x7' : timeZone;
    let cal = calendars.get(key);
    if (!cal) calendars.set(key, (cal = calendarFor(desk, timeZone)));
    return cal;
  };
  return (ticket: Ticket, timeZone: string): SlaReading => {
    const cal = calendar(ticket.desk, timeZone);
    const targetMinutes = policy[ticket.desk][ticket.priority].resolutionMinutes;
    const due = ticket.sla.resolutionDueAt;
    const held = ticket.sla.resolvedAt !== null || ticket.sla.pauses.some((p) => p.to === null);
    if (held || due === null) {
      const clock = slaClock({
        calendar: cal, startedAt: ticket.createdAt, targetMinutes, pauses: ticket.sla.pauses,
        now: new Date(nowMs).toISOString(), stoppedAt: ticket.sla.resolvedAt,
      });
      return { state: clock.state, dueMs: null };
    }
    const dueMs = Date.parse(due);
    if (dueMs <= nowMs) return { state: 'breached', dueMs };
    const left = workingMs(cal, nowMs, dueMs);
    if (left <= 0) return { state: 'breached', dueMs };
    return { state: left < targetMinutes * MINUTE * AT_RISK_SHARE ? 'at_risk' : 'ok', dueMs };
  };
}
