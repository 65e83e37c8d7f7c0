// The console's only way to change anything: a named mutation of PROTOCOL.md, written durably to the
// outbox with this device's next seq and applied to the cache at once, in one strict transaction.
import { MutationArgs, type ArgsOf, type Mutation, type MutationName } from '../../shared/protocol/mutations';
import type { Agent } from '../../shared/schemas/entities';
import { ENTITY_TABLE_NAMES, type CacheDb, type ConflictEntry, type OutboxEntry } from '../db/cache-db';
import { applyOnTop } from './rebase';
import { parseRowKey, rowKey, touchedRows } from './touched-rows';
import { entityTable } from '../db/cache-db';

export type OutboxDeps = { db: CacheDb; actor: Agent; now: () => Date; newId: () => string };

export const SYNC_TABLES = ['outbox', 'meta', 'shadows', 'conflicts', 'attention', ...ENTITY_TABLE_NAMES];

export async function enqueue<N extends MutationName>(deps: OutboxDeps, name: N, args: ArgsOf<N>): Promise<OutboxEntry> {
  // A malformed change is a bug in the console: refuse it here rather than queue what the server rejects.
  const parsed = MutationArgs[name].parse(args) as ArgsOf<N>;
  const { db } = deps;
  return db.transaction('rw', SYNC_TABLES, async () => {
    const seq = (await db.getMeta<number>('nextSeq')) ?? 1;
    await db.meta.put({ key: 'nextSeq', value: seq + 1 });
    const entryArgs = await onServerBase(db, name, parsed);
    const mutation = { id: deps.newId(), seq, name, args: entryArgs, at: deps.now().toISOString() } as Mutation;
    const entry: OutboxEntry = { ...mutation, state: 'pending', rows: touchedRows(mutation) };
    for (const key of entry.rows) {
      if (await db.shadows.get(key)) continue;
      const { entity, id } = parseRowKey(key);
      await db.shadows.put({ key, data: (await entityTable(db, entity).get(id)) ?? null });
    }
    await db.outbox.add(entry);
    await applyOnTop(db, entry, deps.actor, entry.at);
    return entry;
  });
}

/**
 * An edit's `baseVersion` must be a version the server gave. While the agent's own changes to a row are
 * outstanding, the cached row carries versions the console made up (server copy + one per change), which
 * the server would read as "seen up to here" and so overwrite, without a conflict, what someone else
 * changed meanwhile. So an edit made over such changes is based on the server's copy (the shadow); the
 * server knows which later versions this device made itself and does not hold those against it.
 */
async function onServerBase<N extends MutationName>(db: CacheDb, name: N, args: ArgsOf<N>): Promise<ArgsOf<N>> {
  if (name !== 'ticket.update' && name !== 'article.save') return args;
  const based = args as { baseVersion: number | null };
  const entity = name === 'ticket.update' ? 'ticket' : 'article';
  const id = name === 'ticket.update' ? (args as ArgsOf<'ticket.update'>).ticketId : (args as ArgsOf<'article.save'>).id;
  const shadow = await db.shadows.get(rowKey(entity, id));
  if (!shadow) return args;
  const serverVersion = (shadow.data as { version?: number } | null)?.version ?? 0;
  return { ...args, baseVersion: based.baseVersion === null ? null : Math.min(based.baseVersion, serverVersion) };
}

/** "Keep mine": the same intent again, on the server's newer state. */
export async function keepMine(deps: OutboxDeps, conflictId: string): Promise<void> {
  const conflict = await deps.db.conflicts.get(conflictId);
  if (!conflict) return;
  const { name, args } = reissue(conflict);
  await enqueue(deps, name, args as never);
  await deps.db.conflicts.delete(conflictId);
}

/** "Take theirs": the cache already shows the server's state; only the notice goes. */
export async function takeTheirs(deps: OutboxDeps, conflictId: string): Promise<void> {
  await deps.db.conflicts.delete(conflictId);
}

export async function retryRejected(deps: OutboxDeps, attentionId: string): Promise<void> {
  const item = await deps.db.attention.get(attentionId);
  if (!item) return;
  await enqueue(deps, item.mutation.name, item.mutation.args as never);
  await deps.db.attention.delete(attentionId);
}

export async function discardRejected(deps: OutboxDeps, attentionId: string): Promise<void> {
  await deps.db.attention.delete(attentionId);
}

function reissue(conflict: ConflictEntry): Pick<Mutation, 'name' | 'args'> {
  const m = conflict.mutation;
  const current = (conflict.current ?? {}) as { version?: number; assigneeId?: string | null; status?: string };
  switch (m.name) {
    case 'ticket.update':
      return { name: m.name, args: { ...m.args, baseVersion: current.version ?? m.args.baseVersion } };
    case 'ticket.assign':
      return { name: m.name, args: { ...m.args, expectedAssigneeId: current.assigneeId ?? null } };
    case 'ticket.setStatus':
      return { name: m.name, args: { ...m.args, expectedStatus: (current.status ?? m.args.expectedStatus) as typeof m.args.expectedStatus } };
    case 'article.save':
      return { name: m.name, args: { ...m.args, baseVersion: current.version ?? m.args.baseVersion } };
    default:
      return { name: m.name, args: m.args } as Pick<Mutation, 'name' | 'args'>;
  }
}
