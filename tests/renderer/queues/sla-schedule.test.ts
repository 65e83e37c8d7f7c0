// The queue reads SLA clocks from a per-row schedule instead of running the shared clock for every
// ticket every minute; it must agree with the shared clock exactly, on both calendars, at any later time.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, calendarFor, slaClock } from '../../../shared/rules/sla';
import type { Ticket } from '../../../shared/schemas/ticket';
import { generateDemo } from '../../../server/demo/index';
import { SlaClocks } from '../../../renderer/queues/sla-schedule';

const NOW = new Date('2026-11-20T10:00:00Z');
const HOUR = 3_600_000;
const LATER = [0, 0.5 * HOUR, 3 * HOUR, 9 * HOUR, 30 * HOUR, 5 * 24 * HOUR];

function expected(t: Ticket, at: number) {
  return slaClock({
    calendar: calendarFor(t.desk, 'Europe/Prague'),
    startedAt: t.createdAt,
    targetMinutes: DEFAULT_SLA_POLICY[t.desk][t.priority].resolutionMinutes,
    pauses: t.sla.pauses,
    now: new Date(at).toISOString(),
    stoppedAt: t.sla.resolvedAt,
  });
}

function check(tickets: readonly Ticket[], clocks: SlaClocks, builtAt: number) {
  const schedules = tickets.map((t) => ({
    t,
    s: clocks.schedule({ desk: t.desk, priority: t.priority, createdAt: t.createdAt, pauses: t.sla.pauses, resolvedAt: t.sla.resolvedAt, timeZone: 'Europe/Prague' }, builtAt),
  }));
  const states = new Set<string>();
  for (const later of LATER) {
    const at = builtAt + later;
    const read = clocks.readerAt(at);
    for (const { t, s } of schedules) {
      const want = expected(t, at);
      const got = read(s);
      expect({ key: t.key, at, ...got }).toEqual({ key: t.key, at, remainingMs: want.remainingMs, state: want.state, paused: want.paused });
      states.add(`${t.desk} ${want.state} ${want.paused}`);
    }
  }
  return states;
}

describe('SLA schedule of queued rows', () => {
  it('agrees with slaClock for every open demo ticket, now and later', () => {
    const demo = generateDemo({ now: NOW, tickets: 400, articles: 0 });
    const open = demo.tickets.filter((t) => t.status !== 'resolved' && t.status !== 'closed');
    const states = check(open, new SlaClocks(NOW.getTime()), NOW.getTime());
    // Both calendars, every state and paused clocks were exercised.
    for (const s of ['service ok false', 'service at_risk false', 'service breached false', 'help ok false', 'help at_risk false', 'help breached false', 'help ok true']) {
      expect(states).toContain(s);
    }
  });

  it('agrees for tickets created, paused and resumed after the projection was built', () => {
    const demo = generateDemo({ now: NOW, tickets: 60, articles: 0 });
    const anchor = NOW.getTime() - 26 * HOUR; // the projection was built a day earlier
    const iso = (ms: number) => new Date(ms).toISOString();
    const tickets = demo.tickets.slice(0, 20).map((t, i): Ticket => {
      const created = NOW.getTime() - (i + 2) * HOUR;
      return {
        ...t,
        status: 'open',
        createdAt: iso(created),
        sla: { ...t.sla, resolvedAt: null, pauses: i % 3 === 0 ? [{ from: iso(created + HOUR), to: iso(created + HOUR + 40 * 60_000) }] : [] },
      };
    });
    check(tickets, new SlaClocks(anchor), NOW.getTime());
  });

  it('counts nothing as elapsed for a ticket stamped slightly in the future (clock skew)', () => {
    const demo = generateDemo({ now: NOW, tickets: 20, articles: 0 });
    const t: Ticket = { ...demo.tickets[0]!, status: 'open', createdAt: new Date(NOW.getTime() + 120_000).toISOString(), sla: { ...demo.tickets[0]!.sla, resolvedAt: null, pauses: [] } };
    const clocks = new SlaClocks(NOW.getTime());
    const s = clocks.schedule({ desk: t.desk, priority: t.priority, createdAt: t.createdAt, pauses: [], resolvedAt: null, timeZone: 'Europe/Prague' }, NOW.getTime());
    const want = expected(t, NOW.getTime());
    expect(want.remainingMs).toBe(DEFAULT_SLA_POLICY[t.desk][t.priority].resolutionMinutes * 60_000);
    expect(clocks.readerAt(NOW.getTime())(s)).toEqual({ remainingMs: want.remainingMs, state: want.state, paused: false });
  });
});
