// One queued ticket as the queue needs it: only the fields rows show, views filter on and columns sort
// by, flat and of one shape, so 100,000 of them stay small and fast to scan. Descriptions, conversation
// and history stay in IndexedDB until a ticket is opened.
import { priorityRank, type Priority } from '../../shared/rules/priority';
import type { Status } from '../../shared/rules/status';
import type { Organization } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { fold } from './fold';
import { DEFAULT_TIME_ZONE, type SlaClocks, type SlaSchedule } from './sla-schedule';

export type QueueRow = {
  id: string;
  /** SD-1042; null for a ticket made offline that the server has not numbered yet. */
  key: string | null;
  /** The number of the key, for sorting; unnumbered tickets sort after all numbered ones. */
  keyNum: number;
  desk: Ticket['desk'];
  type: Ticket['type'];
  status: Status;
  priority: Priority;
  priorityRank: number;
  assigneeId: string | null;
  groupId: string | null;
  organizationId: string;
  subject: string;
  /** The employee (Service Desk) or the customer (Help Desk). */
  requester: string;
  account: string | null;
  product: string | null;
  service: string | null;
  channel: Ticket['channel'];
  updatedAt: string;
  updatedMs: number;
  /** Folded key, subject, requester, organisation and account: what the quick filter searches. */
  search: string;
  sla: SlaSchedule;
};

export type OrgInfo = Pick<Organization, 'id' | 'name' | 'timeZone'>;

const UNNUMBERED = Number.MAX_SAFE_INTEGER;

// IndexedDB hands every record's strings over as new strings, so 40,000 rows would hold 40,000 copies
// of "P3", of each desk, status and type, and of the few hundred group, organisation and agent ids.
// One copy of each keeps the heap smaller and the collector's pauses shorter while the agent scrolls.
const shared = new Map<string, string>();
function one<T extends string | null>(value: T): T {
  if (value === null) return value;
  const known = shared.get(value);
  if (known !== undefined) return known as T;
  shared.set(value, value);
  return value;
}

function keyNumber(key: string | null): number {
  if (key === null) return UNNUMBERED;
  const n = Number(key.slice(key.lastIndexOf('-') + 1));
  return Number.isFinite(n) ? n : UNNUMBERED;
}

export function toQueueRow(t: Ticket, orgs: ReadonlyMap<string, OrgInfo>, clocks: SlaClocks, nowMs: number): QueueRow {
  const org = orgs.get(t.organizationId);
  const help = t.desk === 'help';
  const account = help ? t.requester.accountNumber : null;
  const sla = clocks.schedule(
    { desk: t.desk, priority: t.priority, createdAt: t.createdAt, pauses: t.sla.pauses, resolvedAt: t.sla.resolvedAt, timeZone: org?.timeZone ?? DEFAULT_TIME_ZONE },
    nowMs,
  );
  return {
    id: t.id,
    key: t.key,
    keyNum: keyNumber(t.key),
    desk: one(t.desk),
    type: one(t.type),
    status: one(t.status),
    priority: one(t.priority),
    priorityRank: priorityRank(t.priority),
    assigneeId: one(t.assigneeId),
    groupId: one(t.groupId),
    organizationId: one(t.organizationId),
    subject: t.subject,
    requester: t.requester.name,
    account,
    product: help ? one(t.product) : null,
    service: help ? null : one(t.service),
    channel: one(t.channel),
    updatedAt: t.updatedAt,
    updatedMs: Date.parse(t.updatedAt),
    search: fold(`${t.key ?? ''}\n${t.subject}\n${t.requester.name}\n${org?.name ?? ''}\n${account ?? ''}`),
    sla,
  };
}
