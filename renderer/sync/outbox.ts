// The console's only way to change anything: a named mutation of PROTOCOL.md, written durably to the
// outbox with this device's next seq and applied to the cache at once, in one strict transaction.
import { MutationArgs, type ArgsOf, type Mutation, type MutationName } from '../../shared/protocol/mutations';
import type { Agent } from '../../shared/schemas/entities';
import { ENTITY_TABLE_NAMES, type CacheDb, type ConflictEntry, type OutboxEntry, type Shadow } from '../db/cache-db';
import { applyOnTop, readOnTop } from './rebase';
import { rowKey, touchedRows } from './touched-rows';

export type OutboxDeps = { db: CacheDb; actor: Agent; now: () => Date; newId: () => string };

export const SYNC_TABLES = ['outbox', 'meta', 'shadows', 'conflicts', 'attention', ...ENTITY_TABLE_NAMES];

export async function enqueue<N extends MutationName>(deps: OutboxDeps, name: N, args: ArgsOf<N>): Promise<OutboxEntry> {
  // A malformed change is a bug in the console: refuse it here rather than queue what the server rejects.
  const parsed = MutationArgs[name].parse(args) as ArgsOf<N>;
  const { db } = deps;
  const rows = touchedRows({ name, args: parsed } as Mutation);
  return db.transaction('rw', SYNC_TABLES, async () => {
    // Every read at once, then every write at once: each awaited request is a round trip to the
    // browser's database process, and the agent's change (and its push) waits for the whole transaction.
    const [nextSeq, shadowRows, onTop] = await Promise.all([
      db.getMeta<number>('nextSeq'),
      db.shadows.bulkGet(rows),
      readOnTop(db, rows, (parsed as { ticketId?: string }).ticketId),
    ]);
    const shadows = new Map(rows.map((key, i) => [key, shadowRows[i]]));
    const seq = nextSeq ?? 1;
    const mutation = { id: deps.newId(), seq, name, args: onServerBase(name, parsed, shadows), at: deps.now().toISOString() } as Mutation;
    const entry: OutboxEntry = { ...mutation, state: 'pending', rows };
    await Promise.all([
      db.meta.put({ key: 'nextSeq', value: seq + 1 }),
      // The server's copy of each row, kept aside the first time a change of ours touches it.
      db.shadows.bulkPut(rows.filter((key) => !shadows.get(key)).map((key) => ({ key, data: onTop.rows.get(key) ?? null }))),
      db.outbox.add(entry),
      applyOnTop(db, onTop, entry, deps.actor, entry.at),
    ]);
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
function onServerBase<N extends MutationName>(name: N, args: ArgsOf<N>, shadows: ReadonlyMap<string, Shadow | undefined>): ArgsOf<N> {
  if (name !== 'ticket.update' && name !== 'article.save') return args;
  const based = args as { baseVersion: number | null };
  const key = name === 'ticket.update' ? rowKey('ticket', (args as ArgsOf<'ticket.update'>).ticketId) : rowKey('article', (args as ArgsOf<'article.save'>).id);
  const shadow = shadows.get(key);
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
