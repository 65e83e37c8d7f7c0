// The details of applied results (a bulk action's per-ticket outcomes, a handover's moves) are kept in
// meta under `result:<mutation id>` for the screen that sent the change. Only the supervisor pane reads
// them, for the last bulk action and the last handover each window sent, and that state lives in memory;
// so the newest few are enough. Older ones are dropped as new ones arrive and the meta table never grows
// for ever (a dropped result reads as "answered, details no longer available").
import type { CacheDb } from '../db/cache-db';

const RESULT_PREFIX = 'result:';
/** The ids of the kept results, oldest first. */
const ORDER_KEY = 'results:order';
/** Far more than the windows of one device could be showing at once. */
export const KEPT_RESULTS = 20;

/** Where the `details` of an applied mutation's result are kept (db.meta), by the mutation's id. */
export const resultKey = (mutationId: string) => `${RESULT_PREFIX}${mutationId}`;

/** Keeps these results' details and forgets all but the newest KEPT_RESULTS. Call inside a rw transaction over meta. */
export async function keepResultDetails(db: CacheDb, results: ReadonlyArray<{ id: string; details: unknown }>): Promise<void> {
  if (results.length === 0) return;
  await db.meta.bulkPut(results.map((r) => ({ key: resultKey(r.id), value: r.details })));
  const fresh = new Set(results.map((r) => r.id));
  const earlier = ((await db.getMeta<string[]>(ORDER_KEY)) ?? []).filter((id) => !fresh.has(id));
  const kept = [...earlier, ...fresh].slice(-KEPT_RESULTS);
  await db.meta.put({ key: ORDER_KEY, value: kept });
  // Everything else under the prefix goes: those just pushed out, and any kept before the order was.
  const keep = new Set(kept.map(resultKey));
  const stale = (await db.meta.where('key').startsWith(RESULT_PREFIX).primaryKeys()).filter((key) => !keep.has(key));
  if (stale.length > 0) await db.meta.bulkDelete(stale);
}
