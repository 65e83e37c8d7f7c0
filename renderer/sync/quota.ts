// Under storage pressure the cache gives up what is easiest to fetch again: knowledge-base article
// bodies first. The outbox, shadows and conflicts are never evicted.
import type { CacheDb } from '../db/cache-db';

export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { inner?: unknown }).inner) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * Empties the bodies of cached articles (an empty body reads as "open it online"); the next pull of an
 * article brings its body back. Returns the characters freed.
 */
export async function evictArticleBodies(db: CacheDb): Promise<number> {
  let freed = 0;
  await db.articles.toCollection().modify((article) => {
    freed += article.body.length;
    article.body = '';
  });
  return freed;
}
