// The demo data set: deterministic, valid against the shared schemas, internally consistent, and varied
// enough to show every status, type and SLA state a desk meets.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { priorityFromMatrix } from '../../shared/rules/priority';
import { addWorkingMs, businessHours, workingMs } from '../../shared/rules/calendar';
import { DEFAULT_SLA_POLICY, calendarFor, slaClock, type SlaState } from '../../shared/rules/sla';
import { STATUSES, isOpenStatus } from '../../shared/rules/status';
import { Agent, Article, Comment, Group, Organization, Shift, Worklog } from '../../shared/schemas/entities';
import { HELP_CHANNELS, HELP_TYPES, SERVICE_CHANNELS, SERVICE_TYPES, Ticket } from '../../shared/schemas/ticket';
import { DEMO_LOGINS, generateDemo, type DemoData } from '../../server/demo/index';
import { addBusinessMs, businessMsBetween } from '../../server/demo/prague-hours';

const now = new Date('2025-03-12T10:30:00.000Z'); // a Wednesday morning in Prague
const NOW = now.toISOString();
const DAY = 86_400_000;
const demo: DemoData = generateDemo({ now });

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function invalid<T>(schema: z.ZodType<T>, rows: readonly unknown[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const r = schema.safeParse(row);
    if (!r.success) problems.push(`${JSON.stringify(row).slice(0, 120)}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    if (problems.length >= 5) break;
  }
  return problems;
}

describe('demo data', () => {
  it('is deterministic: the same options give deep-equal data, another seed different data', () => {
    expect(generateDemo({ now })).toEqual(demo);
    const other = generateDemo({ now, seed: 2 });
    expect(other.tickets[0]!.id).not.toBe(demo.tickets[0]!.id);
    expect(other.tickets.map((t) => t.subject)).not.toEqual(demo.tickets.map((t) => t.subject));
  });

  it('has the default sizes and scales the ticket and article counts', () => {
    expect(demo.tickets).toHaveLength(2000);
    expect(demo.articles).toHaveLength(150);
    const big = generateDemo({ now, tickets: 5000, articles: 400 });
    expect(big.tickets).toHaveLength(5000);
    expect(big.articles).toHaveLength(400);
    expect(new Set(big.articles.map((a) => a.title)).size).toBe(400);
    expect(generateDemo({ now, tickets: 0, articles: 0 }).tickets).toEqual([]);
  });

  it('has the four demo logins with their roles and desks', () => {
    const byEmail = new Map(demo.agents.map((a) => [a.email, a]));
    const early = demo.shifts.find((s) => s.start === '06:00' && s.end === '14:00');
    const agent = byEmail.get(DEMO_LOGINS.agent);
    expect(agent).toMatchObject({ email: 'agent@example.com', role: 'agent', shiftId: early?.id });
    expect([...agent!.desks].sort()).toEqual(['help', 'service']);
    expect(byEmail.get('supervisor@example.com')).toMatchObject({ role: 'supervisor' });
    expect([...byEmail.get('supervisor@example.com')!.desks].sort()).toEqual(['help', 'service']);
    expect(byEmail.get('tech@example.com')).toMatchObject({ role: 'field_tech', desks: ['service'] });
    expect(byEmail.get('admin@example.com')).toMatchObject({ role: 'admin' });
    expect(new Set(demo.agents.map((a) => a.email)).size).toBe(demo.agents.length);
    expect(demo.agents.length).toBeGreaterThanOrEqual(24);
  });

  it('staffs three Prague shifts around the clock, with supervisors and field techs', () => {
    expect(demo.shifts.map((s) => [s.start, s.end, s.timeZone])).toEqual([
      ['06:00', '14:00', 'Europe/Prague'],
      ['14:00', '22:00', 'Europe/Prague'],
      ['22:00', '06:00', 'Europe/Prague'],
    ]);
    for (const shift of demo.shifts) {
      const on = demo.agents.filter((a) => a.shiftId === shift.id);
      expect(on.some((a) => a.role === 'supervisor')).toBe(true);
      expect(on.some((a) => a.desks.includes('service'))).toBe(true);
    }
    expect(demo.agents.filter((a) => a.role === 'field_tech').length).toBeGreaterThanOrEqual(2);
    expect(demo.agents.every((a) => a.skills.length > 0 && a.capacity > 0)).toBe(true);
  });

  it('passes the shared schemas, entity by entity, unchanged by parsing', () => {
    expect(invalid(Organization, demo.organizations)).toEqual([]);
    expect(invalid(Group, demo.groups)).toEqual([]);
    expect(invalid(Shift, demo.shifts)).toEqual([]);
    expect(invalid(Agent, demo.agents)).toEqual([]);
    expect(invalid(Ticket, demo.tickets)).toEqual([]);
    expect(invalid(Comment, demo.comments)).toEqual([]);
    expect(invalid(Worklog, demo.worklogs)).toEqual([]);
    expect(invalid(Article, demo.articles)).toEqual([]);
    // Parsing strips unknown keys and fills defaults: equal output means neither happened.
    expect(demo.tickets.map((t) => Ticket.parse(t))).toEqual(demo.tickets);
    expect(demo.agents.map((a) => Agent.parse(a))).toEqual(demo.agents);
  });

  it('models a provider with four client organisations and an energy supplier', () => {
    const service = demo.organizations.filter((o) => o.desk === 'service');
    const help = demo.organizations.filter((o) => o.desk === 'help');
    expect(service).toHaveLength(4);
    expect(help).toHaveLength(1);
    expect(demo.organizations.every((o) => o.timeZone === 'Europe/Prague' && o.locations.length > 0 && o.departments.length > 0)).toBe(true);
    expect(service.every((o) => ['VPN', 'E-mail', 'Printing', 'Wi-Fi', 'Active Directory'].every((s) => o.services.includes(s)))).toBe(true);
    const tiers = new Set(demo.tickets.flatMap((t) => (t.desk === 'help' ? [t.requester.tier] : [])));
    expect([...tiers].sort()).toEqual(['gold', 'platinum', 'standard']);
  });

  it('covers every status, every type of each desk, both languages and every channel', () => {
    const service = demo.tickets.filter((t) => t.desk === 'service');
    const help = demo.tickets.filter((t) => t.desk === 'help');
    expect(service.length / demo.tickets.length).toBeGreaterThan(0.5);
    expect(service.length / demo.tickets.length).toBeLessThan(0.7);
    for (const tickets of [service, help]) expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(STATUSES));
    expect(new Set(service.map((t) => t.type))).toEqual(new Set(SERVICE_TYPES));
    expect(new Set(help.map((t) => t.type))).toEqual(new Set(HELP_TYPES));
    expect(new Set(service.map((t) => t.channel))).toEqual(new Set(SERVICE_CHANNELS));
    expect(new Set(help.map((t) => t.channel))).toEqual(new Set(HELP_CHANNELS));
    const czech = /[ěščřžýáíéůú]/i;
    for (const tickets of [service, help]) {
      expect(tickets.some((t) => czech.test(t.subject))).toBe(true);
      expect(tickets.some((t) => !czech.test(t.subject + t.description))).toBe(true);
    }
    expect(demo.tickets.some((t) => t.subject === 'Nesouhlasí vyúčtování za elektřinu')).toBe(true);
    expect(demo.tickets.some((t) => t.subject === 'VPN disconnects every 10 minutes')).toBe(true);
    expect(demo.tickets.some((t) => t.assigneeId === null)).toBe(true);
  });

  it('gives Service Desk tickets matrix priorities, overridden only with a reason', () => {
    let overridden = 0;
    for (const t of demo.tickets) {
      if (t.desk !== 'service') continue;
      if (t.priorityReason === null) expect(t.priority).toBe(priorityFromMatrix(t.impact, t.urgency));
      else {
        overridden++;
        expect(t.priority).not.toBe(priorityFromMatrix(t.impact, t.urgency));
      }
      expect(t.alert !== null).toBe(t.type === 'monitoring_alert');
      if (t.alert) expect(t.channel).toBe('monitoring');
    }
    expect(overridden).toBeGreaterThan(0);
    const firing = demo.tickets.flatMap((t) => (t.desk === 'service' && t.alert && isOpenStatus(t.status) ? [t.alert.fingerprint] : []));
    expect(new Set(firing).size).toBe(firing.length);
  });

  it('numbers tickets per desk in creation order', () => {
    for (const [desk, prefix, first] of [['service', 'SD-', 1001], ['help', 'HD-', 2001]] as const) {
      const tickets = demo.tickets.filter((t) => t.desk === desk);
      expect(tickets.map((t) => t.key)).toEqual(tickets.map((_, i) => `${prefix}${first + i}`));
      const created = tickets.map((t) => t.createdAt);
      expect(created).toEqual([...created].sort());
    }
  });

  it('references only existing organisations, agents, groups and articles', () => {
    const orgs = new Map(demo.organizations.map((o) => [o.id, o]));
    const agents = new Map(demo.agents.map((a) => [a.id, a]));
    const groups = new Map(demo.groups.map((g) => [g.id, g]));
    const articles = new Map(demo.articles.map((a) => [a.id, a]));
    for (const t of demo.tickets) {
      expect(orgs.get(t.organizationId)?.desk).toBe(t.desk);
      if (t.desk === 'service') expect(t.requester.organizationId).toBe(t.organizationId);
      if (t.assigneeId !== null) expect(agents.get(t.assigneeId)?.desks).toContain(t.desk);
      expect(t.groupId === null || groups.get(t.groupId)?.desk === t.desk).toBe(true);
      if (t.createdBy !== null) expect(agents.has(t.createdBy)).toBe(true);
      for (const id of t.articleIds) expect(articles.get(id)?.state).toBe('published');
    }
    for (const a of demo.agents) for (const g of a.groupIds) expect(groups.has(g)).toBe(true);
    for (const a of demo.articles) expect(a.authorId === null || agents.has(a.authorId)).toBe(true);
    expect(demo.tickets.filter((t) => t.articleIds.length > 0).length).toBeGreaterThan(100);
  });

  it('attaches conversations and worklogs to existing tickets, in time', () => {
    const tickets = new Map(demo.tickets.map((t) => [t.id, t]));
    const agents = new Map(demo.agents.map((a) => [a.id, a]));
    const perTicket = new Map<string, number>();
    for (const c of demo.comments) {
      const t = tickets.get(c.ticketId);
      expect(t).toBeDefined();
      expect(c.authorId === null || agents.has(c.authorId)).toBe(true);
      expect(c.createdAt >= t!.createdAt && c.createdAt <= NOW).toBe(true);
      perTicket.set(c.ticketId, (perTicket.get(c.ticketId) ?? 0) + 1);
    }
    expect(Math.max(...perTicket.values())).toBeLessThanOrEqual(5);
    expect(new Set(demo.comments.map((c) => c.visibility))).toEqual(new Set(['public', 'internal']));
    // The first public reply by an agent is the first response.
    const byTicket = groupBy(demo.comments, (c) => c.ticketId);
    for (const t of demo.tickets) {
      const first = byTicket.get(t.id)?.find((c) => c.visibility === 'public' && c.authorId !== null);
      expect(first?.createdAt ?? null).toBe(t.sla.firstResponseAt);
    }
    for (const w of demo.worklogs) {
      const t = tickets.get(w.ticketId);
      expect(t).toBeDefined();
      expect(agents.has(w.agentId)).toBe(true);
      expect(w.startedAt >= t!.createdAt && w.createdAt <= NOW && w.startedAt <= w.createdAt).toBe(true);
      if (w.onSite) expect(agents.get(w.agentId)?.role).toBe('field_tech');
    }
    expect(demo.worklogs.some((w) => w.onSite)).toBe(true);
    expect(demo.worklogs.some((w) => !w.onSite)).toBe(true);
  });

  it('keeps versions, fieldVersions and timestamps consistent', () => {
    for (const t of demo.tickets) {
      expect(t.createdAt <= t.updatedAt && t.updatedAt <= NOW).toBe(true);
      expect(Date.parse(t.createdAt)).toBeGreaterThan(now.getTime() - 31 * DAY);
      const versions = Object.values(t.fieldVersions);
      if (t.version === 1) expect(versions).toEqual([]);
      else expect(Math.max(...versions)).toBe(t.version);
      expect(versions.every((v) => v >= 2 && v <= t.version)).toBe(true);
      const resolved = t.status === 'resolved' || t.status === 'closed';
      expect(t.sla.resolvedAt !== null).toBe(resolved);
      expect(t.resolution !== null).toBe(resolved);
      expect(t.sla.pauses.filter((p) => p.to === null).length).toBe(t.status === 'pending' ? 1 : 0);
      if (t.status === 'new') expect(t.sla.firstResponseAt).toBeNull();
    }
    expect(demo.tickets.some((t) => t.version > 3)).toBe(true);
  });

  it('spreads SLA states from comfortable to breached, with due times matching the SLA clock', () => {
    const states: Record<SlaState, number> = { ok: 0, at_risk: 0, breached: 0 };
    const met = { yes: 0, no: 0 };
    for (const t of demo.tickets) {
      const clock = slaClock({
        calendar: calendarFor(t.desk, 'Europe/Prague'),
        startedAt: t.createdAt,
        targetMinutes: DEFAULT_SLA_POLICY[t.desk][t.priority].resolutionMinutes,
        pauses: t.sla.pauses,
        now: NOW,
        stoppedAt: t.sla.resolvedAt,
      });
      expect(clock.dueAt).toBe(t.sla.resolutionDueAt);
      if (t.sla.resolvedAt !== null) met[clock.state === 'breached' ? 'no' : 'yes']++;
      else if (t.status !== 'pending') states[clock.state]++;
    }
    expect(states.ok).toBeGreaterThan(20);
    expect(states.at_risk).toBeGreaterThan(5);
    expect(states.breached).toBeGreaterThan(20);
    expect(met.yes).toBeGreaterThan(met.no);
    expect(met.no).toBeGreaterThan(0);
    // First responses: mostly on time, some late, some still owed.
    const firstResponse = demo.tickets.map((t) =>
      slaClock({
        calendar: calendarFor(t.desk, 'Europe/Prague'),
        startedAt: t.createdAt,
        targetMinutes: DEFAULT_SLA_POLICY[t.desk][t.priority].firstResponseMinutes,
        pauses: [],
        now: NOW,
        stoppedAt: t.sla.firstResponseAt,
      }).state,
    );
    expect(firstResponse.filter((s) => s === 'breached').length).toBeGreaterThan(0);
    expect(firstResponse.filter((s) => s !== 'breached').length).toBeGreaterThan(firstResponse.length / 2);
  });

  it('has the Help Desk work only in its business hours, even when now is a Sunday night', () => {
    const cal = businessHours('Europe/Prague');
    const inHours = (iso: string | null) => iso === null || workingMs(cal, Date.parse(iso) - 60_000, Date.parse(iso) + 60_000) > 0;
    for (const data of [demo, generateDemo({ now: new Date('2025-07-06T21:40:00Z'), tickets: 600, seed: 7 })]) {
      const help = data.tickets.filter((t) => t.desk === 'help');
      const helpIds = new Set(help.map((t) => t.id));
      expect(help.every((t) => inHours(t.sla.firstResponseAt) && inHours(t.sla.resolvedAt))).toBe(true);
      expect(help.filter((t) => t.channel === 'phone' || t.channel === 'chat').every((t) => inHours(t.createdAt))).toBe(true);
      expect(data.comments.filter((c) => helpIds.has(c.ticketId) && c.authorId !== null).every((c) => inHours(c.createdAt))).toBe(true);
      expect(data.worklogs.filter((w) => helpIds.has(w.ticketId)).every((w) => inHours(w.startedAt))).toBe(true);
    }
  });

  it('plans Help Desk timelines with the same business hours as the shared calendar', () => {
    const cal = businessHours('Europe/Prague');
    // Across both daylight-saving changes of 2025, weekends and nights included.
    for (let from = Date.parse('2025-03-20T05:17:00Z'); from < Date.parse('2025-11-05T00:00:00Z'); from += 7 * 3_600_000 + 13 * 60_000) {
      for (const minutes of [1, 60, 8 * 60, 40 * 60]) {
        expect(addBusinessMs(from, minutes * 60_000)).toBe(addWorkingMs(cal, from, minutes * 60_000));
      }
      expect(businessMsBetween(from, from + 3 * DAY)).toBe(workingMs(cal, from, from + 3 * DAY));
    }
  });

  it('has knowledge-base articles in both languages for both desks, mostly published', () => {
    const printer = demo.articles.find((a) => a.title === 'Tiskárna netiskne');
    expect(printer).toMatchObject({ desk: 'service', language: 'cs', state: 'published' });
    expect(printer!.body).toMatch(/^# Tiskárna netiskne\n/);
    expect(printer!.body).toMatch(/\n1\. .+\n2\. /);
    expect(printer!.body).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(new Set(demo.articles.map((a) => a.desk))).toEqual(new Set(['service', 'help', 'both']));
    expect(new Set(demo.articles.map((a) => a.language))).toEqual(new Set(['cs', 'en']));
    const states = groupBy(demo.articles, (a) => a.state);
    expect(states.get('published')!.length).toBeGreaterThan(demo.articles.length / 2);
    expect(states.get('draft')?.length).toBeGreaterThan(0);
    expect(states.get('archived')?.length).toBeGreaterThan(0);
    for (const topic of ['VPN', 'Heslo|heslo|hesla', 'Vyúčtování|vyúčtování', 'odečet|Odečet|Samoodečet', 'sazby|Sazba', 'Splátkový', 'Stěhování', 'Mapa výpadků']) {
      expect(demo.articles.some((a) => new RegExp(topic).test(a.title)), topic).toBe(true);
    }
  });
});
