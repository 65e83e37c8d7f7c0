// Live reads of the cache for one ticket: every hook re-renders the moment the rows it read change
// (Dexie liveQuery), whether the change came from this pane, another window or a pulled page.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Mutation } from '../../shared/protocol/mutations';
import type { Agent, Article, Attachment, Comment, Group, Organization, Worklog } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import type { ConflictEntry } from '../db/cache-db';
import { rowKey } from '../sync/touched-rows';

/** undefined while loading, null when the cache does not hold the ticket. */
export function useTicket(ticketId: string): Ticket | null | undefined {
  const { db } = useConsole();
  return useLiveQuery(async () => (await db.tickets.get(ticketId)) ?? null, [db, ticketId]);
}

const byTime = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function useComments(ticketId: string): Comment[] | undefined {
  const { db } = useConsole();
  return useLiveQuery(async () => (await db.comments.where('ticketId').equals(ticketId).toArray()).sort(byTime), [db, ticketId]);
}

export function useWorklogs(ticketId: string): Worklog[] | undefined {
  const { db } = useConsole();
  return useLiveQuery(
    async () => (await db.worklogs.where('ticketId').equals(ticketId).toArray()).sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0)),
    [db, ticketId],
  );
}

export function useAttachments(ticketId: string): Attachment[] | undefined {
  const { db } = useConsole();
  return useLiveQuery(async () => (await db.attachments.where('ticketId').equals(ticketId).toArray()).sort(byTime), [db, ticketId]);
}

/** The reference rows are small (tens to hundreds): read whole and indexed by id. */
export function useAgents(): Map<string, Agent> {
  const { db } = useConsole();
  const agents = useLiveQuery(() => db.agents.toArray(), [db]);
  return useMemo(() => new Map((agents ?? []).map((a) => [a.id, a])), [agents]);
}

export function useGroups(): Map<string, Group> {
  const { db } = useConsole();
  const groups = useLiveQuery(() => db.groups.toArray(), [db]);
  return useMemo(() => new Map((groups ?? []).map((g) => [g.id, g])), [groups]);
}

export function useOrganization(organizationId: string | undefined): Organization | null | undefined {
  const { db } = useConsole();
  return useLiveQuery(async () => (organizationId ? ((await db.organizations.get(organizationId)) ?? null) : null), [db, organizationId]);
}

export function usePublishedArticles(): Article[] | undefined {
  const { db } = useConsole();
  return useLiveQuery(() => db.articles.filter((a) => a.state === 'published').toArray(), [db]);
}

export function useArticles(ids: readonly string[]): Article[] {
  const { db } = useConsole();
  const key = ids.join(',');
  const rows = useLiveQuery(async () => (await db.articles.bulkGet(key ? key.split(',') : [])).filter((a): a is Article => !!a), [db, key]);
  return rows ?? [];
}

/** The ticket a queued change concerns (appends name it in `ticketId`, a new ticket in `id`). */
export function mutationTouchesTicket(m: Mutation, ticketId: string): boolean {
  if (m.name === 'ticket.create') return m.args.id === ticketId;
  if (m.name === 'ticket.bulkAssign') return m.args.ticketIds.includes(ticketId);
  return (m.args as { ticketId?: string }).ticketId === ticketId;
}

/** How many of this ticket's changes wait in the outbox to be pushed. */
export function usePendingCount(ticketId: string): number {
  const { db } = useConsole();
  // Found through the outbox's index of written rows (this ticket's row and its conversation's), so a
  // field tech's thousands of changes to other tickets are neither read nor a reason to read again.
  const count = useLiveQuery(async () => {
    const [comments, worklogs, attachments] = await Promise.all([
      db.comments.where('ticketId').equals(ticketId).primaryKeys(),
      db.worklogs.where('ticketId').equals(ticketId).primaryKeys(),
      db.attachments.where('ticketId').equals(ticketId).primaryKeys(),
    ]);
    const rows = [
      rowKey('ticket', ticketId),
      ...comments.map((id) => rowKey('comment', id)),
      ...worklogs.map((id) => rowKey('worklog', id)),
      ...attachments.map((id) => rowKey('attachment', id)),
    ];
    const entries = await db.outbox.where('rows').anyOf(rows).distinct().toArray();
    return entries.filter((e) => e.state === 'pending' && mutationTouchesTicket(e, ticketId)).length;
  }, [db, ticketId]);
  return count ?? 0;
}

export function useConflicts(ticketId: string): ConflictEntry[] {
  const { db } = useConsole();
  const rows = useLiveQuery(async () => (await db.conflicts.toArray()).filter((c) => mutationTouchesTicket(c.mutation, ticketId)), [db, ticketId]);
  return rows ?? [];
}
