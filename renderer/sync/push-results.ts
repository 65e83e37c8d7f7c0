// Records what the server answered for pushed changes: `applied` waits for the pull that brings its
// effect, `conflict` goes to the conflicts list and `rejected` to needs-attention — both with the
// agent's change taken back from the cache, and neither holding up the changes behind them. The `details`
// of an applied result are kept in meta under `result:<mutation id>`, the newest few (result-retention.ts).
import type { MutationResult } from '../../shared/protocol/sync';
import type { Agent } from '../../shared/schemas/entities';
import type { CacheDb, OutboxEntry } from '../db/cache-db';
import { SYNC_TABLES } from './outbox';
import { rebase } from './rebase';
import { keepResultDetails } from './result-retention';
import { rowKey, touchedRows } from './touched-rows';

export { resultKey } from './result-retention';

export async function recordResults(db: CacheDb, results: readonly MutationResult[], actor: Agent, now: string): Promise<void> {
  await db.transaction('rw', SYNC_TABLES, async () => {
    const changed = new Set<string>();
    // Read and confirmed in bulk: a batch is a hundred results or more.
    const entries = await db.outbox.bulkGet(results.map((r) => r.seq));
    const confirmed: OutboxEntry[] = [];
    const details: Array<{ id: string; details: unknown }> = [];
    for (const [i, result] of results.entries()) {
      const entry = entries[i];
      if (!entry || entry.id !== result.id) continue;
      if (result.status === 'applied') {
        confirmed.push({ ...entry, state: 'confirmed' });
        // Per-ticket outcomes of a bulk action, the moves of a handover: kept for the screen that asked.
        if (result.details !== undefined) details.push({ id: entry.id, details: result.details });
        continue;
      }
      await db.outbox.delete(entry.seq);
      for (const key of touchedRows(entry)) changed.add(key);
      if (result.status === 'conflict') {
        await db.conflicts.put({ id: entry.id, mutation: entry, fields: result.conflict.fields, current: result.conflict.current, at: now });
        // The server's current state is newer than our shadow of it: show it at once.
        const current = result.conflict.current as { id?: string } | null;
        const entity = entry.name.startsWith('article.') ? 'article' : 'ticket';
        if (current?.id && (await db.shadows.get(rowKey(entity, current.id)))) {
          await db.shadows.put({ key: rowKey(entity, current.id), data: current });
        }
      } else {
        await db.attention.put({ id: entry.id, mutation: entry, error: result.error, at: now });
      }
    }
    if (confirmed.length > 0) await db.outbox.bulkPut(confirmed);
    await keepResultDetails(db, details);
    if (changed.size > 0) await rebase(db, changed, actor, now);
  });
}
