// Tickets of both desks with a plausible history. Each ticket gets a status first, then an age that suits
// it (new ones are hours old, closed ones days), then a timeline — assignment, first reply, pauses,
// resolution — from which the SLA fields, version, fieldVersions and conversation all follow, so the
// data agrees with itself the way the server's own rules would have left it.
import { PRIORITIES, priorityFromMatrix, type Level, type Priority } from '../../shared/rules/priority';
import { DEFAULT_SLA_POLICY, ticketSla, type Pause } from '../../shared/rules/sla';
import { isOpenStatus, type Status } from '../../shared/rules/status';
import type { Agent, Comment, Organization, Worklog } from '../../shared/schemas/entities';
import type { HelpTicket, ServiceTicket, Ticket } from '../../shared/schemas/ticket';
import type { ArticleIndex } from './articles';
import { converse, resolutionText } from './conversations';
import { HELP_TEMPLATES } from './help-templates';
import { ENERGY_PRODUCTS, TIME_ZONE, type ClientProfile, type CustomerRecord, type EmployeeRecord } from './organizations';
import { addBusinessMs, businessMsBetween, businessPoint, intoBusinessHours } from './prague-hours';
import { table, type Rng, type Table } from './prng';
import { ALERT_TEMPLATES, SERVICE_TEMPLATES } from './service-templates';
import type { GroupKey, Staff } from './staff';
import type { HelpTemplate, Lang, ServiceTemplate, Topic } from './template-types';
import { LazyText } from './text-context';
import { DAY, HOUR, MINUTE, type IsoClock } from './time';

export type Client = { org: Organization; profile: ClientProfile; employees: EmployeeRecord[] };

export type TicketWorld = {
  nowMs: number;
  iso: IsoClock;
  clients: readonly Client[];
  supplier: Organization;
  customers: readonly CustomerRecord[];
  staff: Staff;
  articles: ArticleIndex;
};

export type TicketOutput = { tickets: Ticket[]; comments: Comment[]; worklogs: Worklog[] };

const STATUS = table<Status>([['new', 8], ['open', 22], ['pending', 10], ['on_hold', 5], ['resolved', 15], ['closed', 40]]);

/** Age in hours by status: [min, max, weight] bands. */
const AGE: Record<Status, Table<readonly [number, number]>> = {
  new: table([[[0.02, 4], 70], [[4, 48], 30]]),
  open: table([[[0.05, 6], 45], [[6, 48], 35], [[48, 14 * 24], 20]]),
  pending: table([[[0.5, 24], 30], [[24, 14 * 24], 70]]),
  on_hold: table([[[1, 24], 30], [[24, 10 * 24], 70]]),
  resolved: table([[[1, 48], 50], [[48, 7 * 24], 50]]),
  closed: table([[[3 * 24, 26 * 24], 100]]), // plus up to 3½ days when moved back into opening hours
};

const SERVICE_TYPE = table<ServiceTicket['type']>([['incident', 45], ['service_request', 22], ['access_request', 13], ['training_request', 4], ['monitoring_alert', 16]]);
const HELP_TYPE = table<HelpTicket['type']>([['fault', 40], ['question', 40], ['complaint', 20]]);

const SERVICE_CHANNEL: Record<ServiceTicket['type'], Table<ServiceTicket['channel']>> = {
  incident: table([['portal', 35], ['email', 30], ['phone', 35]]),
  service_request: table([['portal', 70], ['email', 20], ['phone', 10]]),
  access_request: table([['portal', 75], ['email', 25]]),
  training_request: table([['portal', 50], ['email', 50]]),
  monitoring_alert: table([['monitoring', 1]]),
};
const HELP_CHANNEL: Record<HelpTicket['type'], Table<HelpTicket['channel']>> = {
  fault: table([['phone', 55], ['chat', 15], ['web_form', 15], ['email', 15]]),
  question: table([['phone', 40], ['chat', 25], ['email', 20], ['web_form', 15]]),
  complaint: table([['email', 45], ['web_form', 30], ['phone', 25]]),
};

const OVERRIDES: readonly { reason: string; up: boolean }[] = [
  { reason: 'VIP uživatel – vedení společnosti', up: true },
  { reason: 'Blokuje měsíční uzávěrku', up: true },
  { reason: 'Týká se celé pobočky', up: true },
  { reason: 'Affects a customer-facing system', up: true },
  { reason: 'Funguje náhradní řešení, dopad minimální', up: false },
  { reason: 'Agreed with the requester: no rush', up: false },
];

const EXTRA_TAGS: Record<'service' | 'help', readonly string[]> = {
  service: ['vip', 'recurring', 'remote-fix', 'vendor', 'change-related'],
  help: ['vip', 'repeat-caller', 'ombudsman', 'callback', 'written-reply'],
};

const PROVIDER_MONITORING = 'monitoring@switchboard.example';

function byTypeAndLang<T extends { type: string; lang: Lang }>(templates: readonly T[]): Map<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const t of templates) {
    const key = `${t.type} ${t.lang}`;
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  }
  return map;
}
const SERVICE_BY = byTypeAndLang(SERVICE_TEMPLATES);
const HELP_BY = byTypeAndLang(HELP_TEMPLATES);

function templatesFor<T>(map: Map<string, readonly T[]>, type: string, lang: Lang): readonly T[] {
  const list = map.get(`${type} ${lang}`) ?? map.get(`${type} ${lang === 'cs' ? 'en' : 'cs'}`);
  if (!list) throw new Error(`No demo template for ${type}`);
  return list;
}

function addTag(tags: string[], tag: string): void {
  if (!tags.includes(tag)) tags.push(tag);
}

function shiftPriority(p: Priority, up: boolean): Priority | null {
  const i = PRIORITIES.indexOf(p) + (up ? -1 : 1);
  return i >= 0 && i < PRIORITIES.length ? PRIORITIES[i]! : null;
}

/** Help Desk priority: the agent weighs severity against the customer's tier. */
function helpPriority(severity: Level, tier: 'standard' | 'gold' | 'platinum', topic: Topic): Priority {
  let rank = severity === 'high' ? 2 : severity === 'medium' ? 3 : 4;
  if (tier === 'platinum' || (tier === 'gold' && severity === 'high')) rank--;
  if (topic === 'outage' && severity === 'high' && tier !== 'standard') rank = 1;
  return PRIORITIES[Math.max(0, Math.min(3, rank - 1))]!;
}

type Draft = {
  desk: 'service' | 'help';
  type: Ticket['type'];
  lang: Lang;
  topic: Topic;
  subject: string;
  description: string;
  category: string;
  tags: string[];
  group: GroupKey;
  onSite: boolean;
  priority: Priority;
  override: { priority: Priority; reason: string } | null;
  createdBy: 'phone' | 'system';
};

type Event = { at: number; fields: readonly string[] };
type SlaDue = ReturnType<typeof ticketSla>;

// Which fields each kind of edit touches (as the shared mutations stamp them), allocated once.
const STATUS_FIELDS = ['status'];
const SLA_FIELDS = ['sla'];
const PAUSE_FIELDS = ['status', 'sla'];
const RESOLVE_FIELDS = ['status', 'sla', 'resolution'];
const ASSIGN_FIELDS = ['assigneeId'];
const REASSIGN_FIELDS = ['assigneeId', 'groupId'];
const OVERRIDE_FIELDS = ['priority', 'priorityReason'];
const ARTICLE_FIELDS = ['articleIds'];
const TAG_FIELDS = ['tags'];
const NONE: readonly string[] = [];
type ServiceFields = Pick<ServiceTicket, 'type' | 'channel' | 'requester' | 'impact' | 'urgency' | 'service' | 'configurationItem' | 'alert'>;
type HelpFields = Pick<HelpTicket, 'type' | 'channel' | 'requester' | 'product'>;

export function generateTickets(rng: Rng, count: number, world: TicketWorld): TicketOutput {
  const { nowMs, staff, iso } = world;
  const clientTable = table(world.clients.map((c, i) => [i, c.profile.weight] as const));
  const openFingerprints = new Set<string>();
  const dueMemo = new Map<number, SlaDue>();
  const text = new LazyText(rng);
  const tickets: Ticket[] = [];
  const created: number[] = [];
  const comments: Comment[] = [];
  const worklogs: Worklog[] = [];

  const pickAssignee = (group: GroupKey, desk: 'service' | 'help'): Agent => {
    const members = staff.members[group];
    return rng.pick(members.length > 0 ? members : staff.byDesk[desk]);
  };

  for (let i = 0; i < count; i++) {
    const desk = rng.chance(0.6) ? 'service' : 'help';
    let status = rng.draw(STATUS);
    let draft: Draft;
    let serviceFields: ServiceFields | null = null;
    let helpFields: HelpFields | null = null;
    let organizationId: string;
    let businessHoursOnly = false;

    if (desk === 'service') {
      const client = world.clients[rng.draw(clientTable)]!;
      const { profile } = client;
      const type = rng.draw(SERVICE_TYPE);
      organizationId = client.org.id;
      if (type === 'monitoring_alert') {
        const alert = rng.pick(ALERT_TEMPLATES);
        const host = rng.pick(profile.assets[alert.hostKind]);
        const fingerprint = `${alert.source.toLowerCase()}:${host}:${alert.check}`;
        // Monitoring cannot be waited on; and the server keeps one open ticket per firing fingerprint (repeats are counted on it).
        if (status === 'pending') status = 'on_hold';
        if (isOpenStatus(status) && openFingerprints.has(fingerprint)) status = rng.chance(0.5) ? 'resolved' : 'closed';
        if (isOpenStatus(status)) openFingerprints.add(fingerprint);
        const location = rng.pick(profile.locations);
        const ctx = text.reset({ lang: alert.lang, name: 'Monitoring', first: 'Monitoring', female: false, location, dept: '', asset: host, erp: profile.erp, domain: profile.domain, account: '' });
        const impact: Level = alert.severity === 'critical' ? 'high' : alert.severity === 'warning' ? 'medium' : 'low';
        const urgency: Level = alert.severity === 'critical' ? 'high' : alert.severity === 'warning' ? rng.pick(['medium', 'high'] as const) : 'low';
        draft = {
          desk, type, lang: alert.lang, topic: alert.topic, subject: alert.subject(host, ctx), description: alert.description(host, ctx),
          category: 'Monitoring', tags: ['alert', alert.check], group: alert.group, onSite: false,
          priority: priorityFromMatrix(impact, urgency), override: null, createdBy: 'system',
        };
        serviceFields = {
          type, channel: 'monitoring', impact, urgency, service: alert.service, configurationItem: host,
          requester: { kind: 'employee', name: `${alert.source} monitoring`, email: PROVIDER_MONITORING, organizationId, department: null, location },
          alert: { source: alert.source, fingerprint, severity: alert.severity, firing: isOpenStatus(status), occurrences: rng.int(1, 12) },
        };
      } else {
        const employee = rng.pick(client.employees);
        const lang: Lang = employee.person.language === 'en' || rng.chance(0.15) ? 'en' : 'cs';
        const tpl: ServiceTemplate = rng.pick(templatesFor(SERVICE_BY, type, lang));
        const asset = tpl.asset ? rng.pick(profile.assets[tpl.asset]) : null;
        const location = employee.requester.location ?? profile.locations[0]!;
        const { person } = employee;
        const ctx = text.reset({
          lang: tpl.lang, name: person.name, first: person.first, female: person.female,
          location, dept: employee.requester.department ?? rng.pick(profile.departments), asset: asset ?? rng.pick(profile.assets.laptop),
          erp: profile.erp, domain: profile.domain, account: '',
        });
        const impact = rng.draw(tpl.impact);
        const urgency = rng.draw(tpl.urgency);
        const matrix = priorityFromMatrix(impact, urgency);
        const o = rng.chance(0.05) ? rng.pick(OVERRIDES) : null;
        const overridden = o ? shiftPriority(matrix, o.up) : null;
        const channel = rng.draw(SERVICE_CHANNEL[type]);
        const fieldTrip = tpl.onSite === true && rng.chance(0.45);
        draft = {
          desk, type, lang: tpl.lang, topic: tpl.topic, subject: tpl.subject(ctx), description: tpl.description(ctx),
          category: tpl.category, tags: [...tpl.tags], group: fieldTrip ? 'field' : rng.chance(0.3) ? 'sdL1' : tpl.group, onSite: fieldTrip,
          priority: matrix, override: o && overridden ? { priority: overridden, reason: o.reason } : null,
          createdBy: channel === 'phone' ? 'phone' : 'system',
        };
        serviceFields = {
          type, channel, impact, urgency,
          service: tpl.service === 'erp' ? profile.erp : tpl.service, configurationItem: asset ?? (rng.chance(0.2) ? rng.pick(profile.assets.laptop) : null),
          requester: employee.requester, alert: null,
        };
      }
    } else {
      const customer = rng.pick(world.customers);
      const type = rng.draw(HELP_TYPE);
      const lang: Lang = customer.person.language === 'en' || rng.chance(0.03) ? 'en' : 'cs';
      const tpl: HelpTemplate = rng.pick(templatesFor(HELP_BY, type, lang));
      const { person } = customer;
      const ctx = text.reset({
        lang: tpl.lang, name: person.name, first: person.first, female: person.female,
        location: '', dept: '', asset: '', erp: '', domain: '', account: customer.requester.accountNumber,
      });
      const severity = rng.draw(tpl.severity);
      const channel = rng.draw(HELP_CHANNEL[type]);
      organizationId = world.supplier.id;
      draft = {
        desk, type, lang: tpl.lang, topic: tpl.topic, subject: tpl.subject(ctx), description: tpl.description(ctx),
        category: tpl.category, tags: [...tpl.tags], group: tpl.group, onSite: false,
        priority: helpPriority(severity, customer.requester.tier, tpl.topic), override: null,
        createdBy: channel === 'phone' || channel === 'chat' ? 'phone' : 'system',
      };
      if (customer.requester.tier !== 'standard') draft.tags.push(customer.requester.tier);
      const product = tpl.product === 'contract' ? customer.product
        : tpl.product === 'electricity' ? (customer.product.startsWith('Elektřina') ? customer.product : ENERGY_PRODUCTS[0])
        : tpl.product;
      helpFields = { type, channel, requester: customer.requester, product };
      businessHoursOnly = channel === 'phone' || channel === 'chat';
    }
    if (rng.chance(0.08)) addTag(draft.tags, rng.pick(EXTRA_TAGS[desk]));

    // The timeline, planned against the ticket's SLA targets so that most are met and some are missed.
    const priority = draft.override?.priority ?? draft.priority;
    const band = rng.draw(AGE[status]);
    const bornMs = nowMs - rng.between(band[0], band[1]) * HOUR;
    let createdMs = Math.floor(Math.min(nowMs - MINUTE, businessHoursOnly ? intoBusinessHours(rng, bornMs) : bornMs) / MINUTE) * MINUTE;
    // A Help Desk ticket somebody has worked on must have seen the desk open since it came in.
    while (desk === 'help' && status !== 'new' && businessMsBetween(createdMs, nowMs) < 30 * MINUTE) {
      createdMs = Math.floor(intoBusinessHours(rng, createdMs - 12 * HOUR) / MINUTE) * MINUTE;
    }
    const createdAt = iso(createdMs);
    const span = nowMs - createdMs;
    // Agents act when their desk is open: a Help Desk step lands in business hours (`point`), and an
    // SLA target's share is counted in the desk's own time (`afterTarget`).
    const targets = DEFAULT_SLA_POLICY[desk][priority];
    const help = desk === 'help';
    const point = (from: number, to: number, u: number) => (help ? businessPoint(from, to, u) : from + (to - from) * u);
    const afterTarget = (minutes: number, share: number) => (help ? addBusinessMs(createdMs, minutes * MINUTE * share) : createdMs + minutes * MINUTE * share);
    const events: Event[] = [];
    const pauses: Pause[] = [];
    let firstResponseMs: number | null = null;
    let pendingFromMs: number | null = null;
    let resolvedMs: number | null = null;
    let endMs = nowMs;

    const isNew = status === 'new';
    // (Only new tickets can have come in while the Help Desk was closed all along: see createdMs.)
    const deskWasOpen = !help || !isNew || businessMsBetween(createdMs, nowMs) >= 30 * MINUTE;
    const assigned = isNew ? deskWasOpen && rng.chance(0.3) : isOpenStatus(status) ? rng.chance(0.93) : true;
    const assignee = assigned ? (draft.onSite ? rng.pick(staff.fieldTechs) : pickAssignee(draft.group, desk)) : null;
    const responder = assignee ?? pickAssignee(draft.group, desk);
    let openedMs = createdMs;
    if (!isNew) {
      const share = rng.chance(0.15) ? rng.between(1.05, 3) : rng.between(0.05, 0.95);
      openedMs = Math.min(afterTarget(targets.firstResponseMinutes, share), point(createdMs, nowMs, 0.5));
      events.push({ at: openedMs, fields: STATUS_FIELDS });
      const silent = (status === 'open' || status === 'on_hold') && rng.chance(0.05);
      if (!silent) {
        firstResponseMs = openedMs;
        events.push({ at: openedMs, fields: SLA_FIELDS });
      }
    }
    if (assignee) {
      const at = isNew ? point(createdMs, createdMs + span * 0.5, rng.next()) : point(createdMs, openedMs, rng.between(0.2, 0.9));
      events.push({ at, fields: desk === 'service' && rng.chance(0.2) ? REASSIGN_FIELDS : ASSIGN_FIELDS });
    }
    // The agent asks the requester something; the answer (which reopens the ticket) may come at any hour.
    const pastPause = (from: number, to: number) => {
      const a = point(from, to, rng.between(0.1, 0.5));
      const b = a + (to - a) * rng.between(0.1, 0.6);
      pauses.push({ from: iso(a), to: iso(b) });
      events.push({ at: a, fields: PAUSE_FIELDS }, { at: b, fields: PAUSE_FIELDS });
    };
    if (status === 'open' || status === 'pending' || status === 'on_hold') {
      if (!isNew && rng.chance(0.12)) pastPause(openedMs, openedMs + (nowMs - openedMs) * 0.5);
      if (status === 'pending') {
        pendingFromMs = point(openedMs, nowMs, rng.between(0.55, 0.98));
        pauses.push({ from: iso(pendingFromMs), to: null });
        events.push({ at: pendingFromMs, fields: PAUSE_FIELDS });
      } else if (status === 'on_hold') {
        events.push({ at: point(openedMs, nowMs, rng.between(0.55, 0.95)), fields: STATUS_FIELDS });
      }
    } else if (status === 'resolved' || status === 'closed') {
      // Resolved tickets close by themselves a few days later.
      const closeGap = status === 'closed' ? Math.min(rng.between(1, 4) * DAY, (nowMs - openedMs) * 0.5) : 0;
      const limit = nowMs - closeGap;
      const planned = afterTarget(targets.resolutionMinutes, rng.chance(0.12) ? rng.between(1.05, 2.5) : rng.between(0.1, 0.95));
      resolvedMs = planned <= limit ? Math.max(openedMs, planned) : point(openedMs, limit, rng.between(0.7, 1));
      if (rng.chance(0.15)) pastPause(openedMs, resolvedMs);
      events.push({ at: resolvedMs, fields: RESOLVE_FIELDS });
      if (status === 'closed') events.push({ at: resolvedMs + closeGap * rng.between(0.5, 1), fields: STATUS_FIELDS });
      endMs = resolvedMs;
    }
    // An override made when the ticket was raised is part of its creation, not an edit.
    if (draft.override && !isNew) events.push({ at: point(createdMs, openedMs, rng.next()), fields: OVERRIDE_FIELDS });

    const articleChoices = isNew ? NONE : world.articles.published(desk, draft.topic, draft.lang);
    const articleIds = articleChoices.length > 0 && rng.chance(0.35) ? [rng.pick(articleChoices)] : [];
    if (articleIds.length > 0) events.push({ at: point(openedMs, endMs, rng.next()), fields: ARTICLE_FIELDS });
    if (!isNew && rng.chance(0.1)) {
      addTag(draft.tags, rng.pick(EXTRA_TAGS[desk]));
      events.push({ at: point(openedMs, endMs, rng.next()), fields: TAG_FIELDS });
    }

    // Edits come in time order (a stable insertion sort: a handful of them); a field's version is that of its last edit.
    for (let k = 1; k < events.length; k++) {
      const e = events[k]!;
      let j = k - 1;
      while (j >= 0 && events[j]!.at > e.at) {
        events[j + 1] = events[j]!;
        j--;
      }
      events[j + 1] = e;
    }
    const fieldVersions: Record<string, number> = {};
    let version = 1;
    let updatedMs = createdMs;
    for (const e of events) {
      version++;
      for (const f of e.fields) fieldVersions[f] = version;
      updatedMs = Math.max(updatedMs, e.at);
    }

    const firstResponseAt = firstResponseMs === null ? null : iso(firstResponseMs);
    const resolvedAt = resolvedMs === null ? null : iso(resolvedMs);
    // Never paused, a ticket's due times depend on its desk, priority and minute of creation alone, and
    // about a third of the tickets share those with an earlier one: no need to ask the calendar again.
    let due: SlaDue | undefined;
    if (pauses.length === 0) {
      const key = (createdMs / MINUTE) * 8 + (help ? 4 : 0) + PRIORITIES.indexOf(priority);
      due = dueMemo.get(key);
      if (!due) dueMemo.set(key, (due = ticketSla({ desk, priority, createdAt, pauses, firstResponseAt, resolvedAt, timeZone: TIME_ZONE })));
    } else {
      due = ticketSla({ desk, priority, createdAt, pauses, firstResponseAt, resolvedAt, timeZone: TIME_ZONE });
    }
    const resolution = resolvedMs === null ? null : resolutionText(rng, desk, draft.topic, draft.lang);
    const createdBy = draft.createdBy === 'phone' ? (assignee ?? responder).id : null;
    // Spelled out rather than spread: object spread of this many fields is slow and leaves
    // dictionary-mode objects, which costs seconds at 100,000 tickets.
    const id = rng.uuid();
    const sla = { firstResponseDueAt: due.firstResponseDueAt, resolutionDueAt: due.resolutionDueAt, firstResponseAt, resolvedAt, pauses };
    const assigneeId = assignee ? assignee.id : null;
    const groupId = staff.groupIds[draft.group];
    const updatedAt = iso(updatedMs);
    const ticket: Ticket = serviceFields
      ? {
        id, key: null, desk: 'service', type: serviceFields.type, channel: serviceFields.channel, subject: draft.subject, description: draft.description,
        status, priority, assigneeId, groupId, organizationId, category: draft.category, tags: draft.tags, resolution, articleIds, sla, createdBy, createdAt, updatedAt,
        version, fieldVersions, requester: serviceFields.requester, impact: serviceFields.impact, urgency: serviceFields.urgency,
        priorityReason: draft.override ? draft.override.reason : null, service: serviceFields.service, configurationItem: serviceFields.configurationItem,
        alert: serviceFields.alert,
      }
      : {
        id, key: null, desk: 'help', type: helpFields!.type, channel: helpFields!.channel, subject: draft.subject, description: draft.description,
        status, priority, assigneeId, groupId, organizationId, category: draft.category, tags: draft.tags, resolution, articleIds, sla, createdBy, createdAt, updatedAt,
        version, fieldVersions, requester: helpFields!.requester, product: helpFields!.product,
      };
    tickets.push(ticket);
    created.push(createdMs);

    converse(rng, iso, {
      ticketId: ticket.id, desk, kind: desk === 'help' ? 'fault' : draft.type === 'monitoring_alert' ? 'alert' : draft.type === 'incident' ? 'fault' : 'request', agentTime: point,
      deskWasOpen, lang: draft.lang, createdMs, firstResponseMs, pendingFromMs, resolvedMs, resolution, endMs,
      agent: responder, noteAuthorId: rng.chance(0.15) ? rng.pick(staff.supervisors).id : responder.id, onSite: draft.onSite && assignee?.role === 'field_tech',
    }, comments, worklogs);
  }

  return { tickets: withKeys(tickets, created), comments, worklogs };
}

/** Keys follow creation order per desk (SD-1001…, HD-2001…), as the server hands them out; tickets come out in that order. */
function withKeys(tickets: readonly Ticket[], created: readonly number[]): Ticket[] {
  // Creation times are whole minutes: (minute, index) packed into one exact double sorts natively,
  // far faster than a comparator over 100,000 entries, and ties keep generation order.
  const SLOT = 2 ** 32;
  let first = Infinity;
  for (const ms of created) first = Math.min(first, ms);
  const packed = new Float64Array(tickets.length);
  for (let i = 0; i < packed.length; i++) packed[i] = ((created[i]! - first) / MINUTE) * SLOT + i;
  packed.sort();
  const sorted: Ticket[] = new Array<Ticket>(packed.length);
  let sd = 1001;
  let hd = 2001;
  for (let k = 0; k < packed.length; k++) {
    const t = tickets[packed[k]! % SLOT]!;
    t.key = t.desk === 'service' ? `SD-${sd++}` : `HD-${hd++}`;
    sorted[k] = t;
  }
  return sorted;
}
