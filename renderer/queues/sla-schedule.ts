// The resolution clock of every queued ticket, cheap to read at any minute. The shared `slaClock` (the
// rules the server uses) runs once per row, when the row enters the projection; reading the clock later
// is one subtraction. That is what lets "SLA at risk" count 100,000 tickets every minute without a
// long task (a business-hours slaClock costs tens of microseconds per call).
//
// Why it is exact: with no pause after t0, elapsed(now) = elapsed(t0) + working(t0, now), and working
// time is additive, so with one anchor A per projection and W(x) = working(A, x) (negative before A):
//   remaining(now) = target − elapsed(t0) + W(t0) − W(now) = base − W(now).
// `base` is per row, W(now) is per calendar and minute. A paused or stopped clock does not move at all.
import { workingMs, type Calendar } from '../../shared/rules/calendar';
import type { Priority } from '../../shared/rules/priority';
import { DEFAULT_SLA_POLICY, calendarFor, slaClock, type Pause, type SlaPolicy, type SlaState } from '../../shared/rules/sla';

/**
 * Mirrors AT_RISK_SHARE of shared/rules/sla.ts, which is not exported: a running clock is at risk once
 * less than this share of its target is left. The queue tests check the result against slaClock itself.
 */
const AT_RISK_SHARE = 0.2;

export const DEFAULT_TIME_ZONE = 'Europe/Prague';

export type SlaReading = { remainingMs: number; state: SlaState; paused: boolean };

export type SlaSchedule =
  | { frozen: true; reading: SlaReading }
  /** Valid from t0 on (the later of the anchor, the start and the end of the last pause). */
  | { frozen: false; calendar: string; base: number; t0: number; targetMs: number };

export type SlaInput = {
  desk: 'service' | 'help';
  priority: Priority;
  createdAt: string;
  pauses: readonly Pause[];
  resolvedAt: string | null;
  timeZone: string;
};

const MINUTE = 60_000;

export class SlaClocks {
  /** By key; every schedule on one calendar holds the entry's key string, not a copy made for its row. */
  private readonly calendars = new Map<string, { key: string; calendar: Calendar }>();
  private readonly anchorIso: string;

  constructor(
    /** The anchor A: any instant at or before the projection was built. */
    readonly anchorMs: number,
    private readonly policy: SlaPolicy = DEFAULT_SLA_POLICY,
  ) {
    this.anchorIso = new Date(anchorMs).toISOString();
  }

  private calendarKey(desk: 'service' | 'help', timeZone: string): string {
    const key = desk === 'service' ? '24x7' : `business ${timeZone}`;
    const known = this.calendars.get(key);
    if (known) return known.key;
    this.calendars.set(key, { key, calendar: calendarFor(desk, timeZone) });
    return key;
  }

  /** Working milliseconds from the anchor to `ms` (negative before the anchor). */
  private w(calendar: string, ms: number): number {
    const cal = this.calendars.get(calendar)!.calendar;
    return ms >= this.anchorMs ? workingMs(cal, this.anchorMs, ms) : -workingMs(cal, ms, this.anchorMs);
  }

  schedule(input: SlaInput, nowMs: number): SlaSchedule {
    const calendar = this.calendarKey(input.desk, input.timeZone);
    const targetMinutes = this.policy[input.desk][input.priority].resolutionMinutes;
    const targetMs = targetMinutes * MINUTE;
    const base = { calendar: this.calendars.get(calendar)!.calendar, startedAt: input.createdAt, targetMinutes, pauses: input.pauses };
    if (input.resolvedAt !== null || input.pauses.some((p) => p.to === null)) {
      const clock = slaClock({ ...base, now: new Date(nowMs).toISOString(), stoppedAt: input.resolvedAt });
      return { frozen: true, reading: { remainingMs: clock.remainingMs, state: clock.state, paused: clock.paused } };
    }
    let t0 = Math.max(this.anchorMs, Date.parse(input.createdAt));
    for (const p of input.pauses) if (p.to !== null) t0 = Math.max(t0, Date.parse(p.to));
    // Most rows are older than the anchor, so t0 is the anchor and its ISO string is made once.
    const clock = slaClock({ ...base, now: t0 === this.anchorMs ? this.anchorIso : new Date(t0).toISOString() });
    return { frozen: false, calendar, base: targetMs - clock.elapsedMs + this.w(calendar, t0), t0, targetMs };
  }

  /** A reader for one instant: W(now) is worked out once per calendar, each row is then O(1). */
  readerAt(nowMs: number): (s: SlaSchedule) => SlaReading {
    const wNow = new Map<string, number>();
    return (s) => {
      if (s.frozen) return s.reading;
      let w: number;
      if (nowMs < s.t0) {
        // Only a clock skew gets here (a ticket stamped a little in the future): nothing has elapsed since t0.
        w = this.w(s.calendar, s.t0);
      } else {
        w = wNow.get(s.calendar) ?? this.w(s.calendar, nowMs);
        wNow.set(s.calendar, w);
      }
      const remainingMs = s.base - w;
      const state: SlaState = remainingMs <= 0 ? 'breached' : remainingMs < s.targetMs * AT_RISK_SHARE ? 'at_risk' : 'ok';
      return { remainingMs, state, paused: false };
    };
  }
}
