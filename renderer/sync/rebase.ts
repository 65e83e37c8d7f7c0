// Rebuilds cached rows as "server copy + every outstanding change of the agent, in order". Runs inside
// the caller's transaction whenever the server copy of a row or the set of outstanding changes moves.
import type { Mutation } from '../../shared/protocol/mutations';
import type { EntityName } from '../../shared/protocol/sync';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { Agent, Article, Organization } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { entityTable, type CacheDb, type OutboxEntry } from '../db/cache-db';
import { parseRowKey, rowKey } from './touched-rows';

/** Cached rows by row key (null where absent): one bulkGet per table, all asked at once. */
async function readRows(db: CacheDb, keys: readonly string[]): Promise<Map<string, unknown>> {
  const byEntity = new Map<EntityName, { keys: string[]; ids: string[] }>();
  for (const key of keys) {
    const { entity, id } = parseRowKey(key);
    let group = byEntity.get(entity);
    if (!group) byEntity.set(entity, (group = { keys: [], ids: [] }));
    group.keys.push(key);
    group.ids.push(id);
  }
  const rows = new Map<string, unknown>();
  await Promise.all([...byEntity].map(async ([entity, group]) => {
    const found = await entityTable(db, entity).bulkGet(group.ids);
    group.keys.forEach((key, i) => rows.set(key, found[i] ?? null));
  }));
  return rows;
}

/**
 * Every outstanding entry touching these rows, and every row those entries touch, to a fixpoint: an
 * entry's effect depends on the rows before it, in every row it writes. Found through the outbox's
 * index of written rows, so the cost follows the rows at hand, not the length of the outbox.
 */
async function closure(db: CacheDb, start: Iterable<string>): Promise<{ keys: Set<string>; entries: OutboxEntry[] }> {
  const keys = new Set(start);
  const chosen = new Map<number, OutboxEntry>();
  for (let frontier = [...keys]; frontier.length > 0; ) {
    const found = await db.outbox.where('rows').anyOf(frontier).toArray();
    frontier = [];
    for (const e of found) {
      if (chosen.has(e.seq)) continue;
      chosen.set(e.seq, e);
      for (const k of e.rows) {
        if (keys.has(k)) continue;
        keys.add(k);
        frontier.push(k);
      }
    }
  }
  return { keys, entries: [...chosen.values()].sort((a, b) => a.seq - b.seq) };
}

export async function rebase(db: CacheDb, changed: Iterable<string>, actor: Agent, now: string): Promise<void> {
  const { keys, entries } = await closure(db, changed);
  if (keys.size === 0) return;
  const shadows = new Map((await db.shadows.bulkGet([...keys])).flatMap((s) => (s ? [[s.key, s.data] as const] : [])));
  const cached = await readRows(db, [...keys].filter((key) => !shadows.has(key)));
  const working = new Map<string, unknown>();
  for (const key of keys) working.set(key, shadows.has(key) ? shadows.get(key) : cached.get(key));

  if (entries.length > 0) {
    const { agents, organizations } = await readReferences(db);
    // Rows a change reads but does not write (the ticket of a worklog) come from the cache as they are.
    const readOnly = new Set<string>();
    for (const entry of entries) {
      const ticketId = (entry.args as { ticketId?: string }).ticketId;
      const key = ticketId ? rowKey('ticket', ticketId) : undefined;
      if (key && !working.has(key)) readOnly.add(key);
    }
    const reads = await readRows(db, [...readOnly]);
    for (const entry of entries) applyOne(entry, working, reads, actor, agents, organizations, now);
  }

  // Written in bulk, one call per table: a replay of thousands of changes rebases thousands of rows.
  const stillTouched = new Set(entries.flatMap((e) => e.rows));
  const puts = new Map<EntityName, unknown[]>();
  const deletes = new Map<EntityName, string[]>();
  const settled: string[] = [];
  for (const [key, data] of working) {
    const { entity, id } = parseRowKey(key);
    if (data === null) listIn(deletes, entity).push(id);
    else listIn(puts, entity).push(data);
    if (!stillTouched.has(key) && shadows.has(key)) settled.push(key);
  }
  for (const [entity, ids] of deletes) await entityTable(db, entity).bulkDelete(ids);
  for (const [entity, rows] of puts) await entityTable(db, entity).bulkPut(rows as never[]);
  if (settled.length > 0) await db.shadows.bulkDelete(settled);
}

/** The agents and organisations a change's rules consult (assignees, SLA calendars). */
type References = { agents: Map<string, Agent>; organizations: Organization[] };

async function readReferences(db: CacheDb): Promise<References> {
  const [agents, organizations] = await Promise.all([db.agents.toArray(), db.organizations.toArray()]);
  return { agents: new Map(agents.map((a) => [a.id, a])), organizations };
}

/** What a new change is applied to: the cached rows it writes, the ticket it reads, agents and organisations. */
export type OnTop = References & { rows: ReadonlyMap<string, unknown>; reads: ReadonlyMap<string, unknown> };

/** Reads what applying a change to these rows needs, every request at once. */
export async function readOnTop(db: CacheDb, rows: readonly string[], ticketId: string | undefined): Promise<OnTop> {
  const readKey = ticketId ? rowKey('ticket', ticketId) : undefined;
  const [cached, reads, references] = await Promise.all([
    readRows(db, rows),
    readKey && !rows.includes(readKey) ? readRows(db, [readKey]) : new Map<string, unknown>(),
    readReferences(db),
  ]);
  return { rows: cached, reads, ...references };
}

/**
 * A new change on top of the cache: its rows already are "server copy + every earlier outstanding change",
 * so only the new change is applied. (Rebuilding them from their shadows re-applies every change
 * outstanding on those rows: a field tech's thousandth offline note on a ticket re-applied 999 others.)
 * Writes the rows it changed; the writes are asked at once and awaited together.
 */
export async function applyOnTop(db: CacheDb, onTop: OnTop, entry: OutboxEntry, actor: Agent, now: string): Promise<void> {
  const working = new Map(onTop.rows);
  applyOne(entry, working, onTop.reads, actor, onTop.agents, onTop.organizations, now);
  const writes: Promise<unknown>[] = [];
  for (const [key, data] of working) {
    if (data === onTop.rows.get(key)) continue;
    const { entity, id } = parseRowKey(key);
    writes.push(data === null ? entityTable(db, entity).delete(id) : entityTable(db, entity).put(data as never));
  }
  await Promise.all(writes);
}

function listIn<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function applyOne(entry: Mutation, working: Map<string, unknown>, reads: ReadonlyMap<string, unknown>, actor: Agent, agents: Map<string, Agent>, organizations: Organization[], now: string) {
  const args = entry.args as Record<string, unknown>;
  const ticketId = entry.name === 'ticket.create' ? entry.args.id : (args.ticketId as string | undefined);
  const articleId = entry.name === 'article.save' || entry.name === 'article.setState' ? entry.args.id : undefined;
  const outcome = applyMutation(entry, {
    actor,
    now: entry.at ?? now,
    mode: 'optimistic',
    agents,
    organizations,
    ticket: ticketId ? (((working.get(rowKey('ticket', ticketId)) ?? reads.get(rowKey('ticket', ticketId))) as Ticket | null) ?? null) : undefined,
    article: articleId ? ((working.get(rowKey('article', articleId)) as Article | null) ?? null) : undefined,
    tickets: entry.name === 'ticket.bulkAssign'
      ? new Map(entry.args.ticketIds.flatMap((id) => { const t = working.get(rowKey('ticket', id)) as Ticket | null; return t ? [[id, t]] : []; }))
      : undefined,
    exists: false,
  });
  if (outcome.status === 'rejected') return; // the server will say why; nothing to show meanwhile
  for (const put of outcome.puts) working.set(rowKey(put.entity, put.id), put.data);
}
