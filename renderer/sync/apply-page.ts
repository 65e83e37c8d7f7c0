// Writes one pulled page (DESIGN.md, sync rule 3): the server's rows, the agent's outstanding changes
// re-applied on top, the removal of changes the server has confirmed, and the new cursor, all in one
// transaction. A cursor saved apart from its rows could skip them after a crash.
import type { Change } from '../../shared/protocol/sync';
import type { Agent } from '../../shared/schemas/entities';
import { ENTITY_TABLES, type CacheDb, type Shadow } from '../db/cache-db';
import { SYNC_TABLES } from './outbox';
import { rebase } from './rebase';
import { rowKey, touchedRows } from './touched-rows';

/** A page of pull (with its cursor) or the first-screen slice (cursor null: it moves nothing). */
export type PageInput = { changes: readonly Change[]; cursor: string | null; last: boolean };

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

export async function applyPage(db: CacheDb, page: PageInput, actor: Agent, now: string): Promise<void> {
  await db.transaction('rw', SYNC_TABLES, async () => {
    // Requests asked together travel together: the page's reads at once, then its writes at once. They
    // still run in the order asked, so each read sees the writes asked before it.
    const [shadowKeys, pendingCount, confirmed] = await Promise.all([
      db.shadows.toCollection().primaryKeys(),
      page.last ? db.outbox.where('state').equals('pending').count() : Promise.resolve(-1),
      page.last ? db.outbox.where('state').equals('confirmed').toArray() : Promise.resolve([]),
    ]);
    const shadowed = new Set(shadowKeys);
    // The last page of a pull with no change of ours still pending (the end of a replay): every
    // outstanding change is confirmed and leaves the outbox now, so the server's copy of each row is
    // final. It is written as it is, not parked in a shadow and rebased onto nothing.
    const settleAll = page.last && shadowed.size > 0 && pendingCount === 0;
    const puts = new Map<string, unknown[]>();
    const deletes = new Map<string, string[]>();
    const reapply = new Set<string>();
    const settled = new Set<string>();
    const shadows: Shadow[] = [];
    for (const change of page.changes) {
      const key = rowKey(change.entity, change.id);
      if (settleAll && shadowed.has(key)) settled.add(key);
      else if (shadowed.has(key)) {
        // A row with changes of ours outstanding: the server copy goes to its shadow, then we rebase.
        shadows.push({ key, data: change.op === 'put' ? change.data : null });
        reapply.add(key);
        continue;
      }
      const table = ENTITY_TABLES[change.entity];
      if (change.op === 'put') listIn(puts, table).push(change.data);
      else listIn(deletes, table).push(change.id);
    }
    const writes: Promise<unknown>[] = [];
    if (shadows.length > 0) writes.push(db.shadows.bulkPut(shadows));
    for (const [table, rows] of puts) writes.push(db.table(table).bulkPut(rows));
    for (const [table, ids] of deletes) writes.push(db.table(table).bulkDelete(ids));

    if (page.last) {
      // The pull that just ended began after every confirmation so far: their effects are in it now.
      // Nothing pending (settling): every entry is a confirmed one.
      writes.push(settleAll ? db.outbox.clear() : db.outbox.bulkDelete(confirmed.map((e) => e.seq)));
      for (const e of confirmed) for (const key of touchedRows(e)) if (!settled.has(key)) reapply.add(key);
      writes.push(db.meta.put({ key: 'lastSyncAt', value: now }));
    }
    await Promise.all(writes);
    if (reapply.size > 0) await rebase(db, reapply, actor, now);
    // Rows settled above still have their shadows; with the outbox empty no shadow is needed any more.
    // A few are deleted by key, so the notice names them and the views that watch shadows (my tickets)
    // read just those again; thousands (after a day offline) are cleared in one request.
    if (settleAll) {
      const keys = await db.shadows.toCollection().primaryKeys();
      await (keys.length < 50 ? db.shadows.bulkDelete(keys) : db.shadows.clear());
    }
    if (page.cursor !== null) await db.meta.put({ key: 'cursor', value: page.cursor });
  });
}
