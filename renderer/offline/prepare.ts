// "Prepare for offline": what a field tech takes on site, read from the cache. The sync engine's bootstrap
// already caches everything the agent may see, so preparing means checking that it finished, that it is
// fresh, and that the rows for my work are really there (an evicted article body, an article a ticket
// links that is not cached, a file picked on site whose bytes are gone), then saying so with numbers.
import { desksOf } from '../../shared/rules/permissions';
import type { Agent } from '../../shared/schemas/entities';
import { isOpenStatus } from '../../shared/rules/status';
import type { CacheDb } from '../db/cache-db';

/** The cache counts as fresh for this long after the last successful sync. */
export const FRESH_MS = 15 * 60_000;
export const PREPARED_AT_KEY = 'offline:preparedAt';

export type PrepareCounts = { tickets: number; comments: number; worklogs: number; attachments: number; articles: number };

export type PrepareReport = {
  bootstrapped: boolean;
  lastSyncAt: string | null;
  preparedAt: string | null;
  counts: PrepareCounts;
  /** Files picked on this device and not uploaded yet (their bytes are in db.blobs). */
  keptFiles: number;
  missing: {
    /** Articles my tickets link that are not in the cache. */
    linkedArticles: number;
    /** Relevant published articles whose body is not cached. */
    articleBodies: number;
    /** My attachments, not uploaded yet, whose bytes are not on this device either. */
    fileBytes: number;
  };
  /** The JSON size of the rows above: what the offline set weighs, give or take. */
  estimatedBytes: number;
};

const jsonSize = (rows: readonly unknown[]) => rows.reduce<number>((sum, row) => sum + JSON.stringify(row).length, 0);

export async function checkCache(db: CacheDb, actor: Agent): Promise<PrepareReport> {
  // A field tech's desks are the Service Desk whatever the profile says (shared permissions).
  const desks = desksOf(actor);
  return db.transaction('r', [db.tickets, db.comments, db.worklogs, db.attachments, db.articles, db.blobs, db.meta], async () => {
    const tickets = (await db.tickets.where('assigneeId').equals(actor.id).toArray()).filter((t) => isOpenStatus(t.status));
    const ids = tickets.map((t) => t.id);
    const [comments, worklogs, attachments, articles, blobKeys, bootstrapped, lastSyncAt, preparedAt] = await Promise.all([
      db.comments.where('ticketId').anyOf(ids).toArray(),
      db.worklogs.where('ticketId').anyOf(ids).toArray(),
      db.attachments.where('ticketId').anyOf(ids).toArray(),
      db.articles.filter((a) => a.state === 'published' && (a.desk === 'both' || desks.includes(a.desk))).toArray(),
      db.blobs.toCollection().primaryKeys(),
      db.getMeta<boolean>('bootstrapped'),
      db.getMeta<string>('lastSyncAt'),
      db.getMeta<string>(PREPARED_AT_KEY),
    ]);
    const blobs = new Set(blobKeys);
    const linked = [...new Set(tickets.flatMap((t) => t.articleIds))];
    const linkedFound = await db.articles.bulkGet(linked);
    const waiting = attachments.filter((a) => !a.uploaded);
    return {
      bootstrapped: bootstrapped === true,
      lastSyncAt: lastSyncAt ?? null,
      preparedAt: preparedAt ?? null,
      counts: { tickets: tickets.length, comments: comments.length, worklogs: worklogs.length, attachments: attachments.length, articles: articles.length },
      keptFiles: blobs.size,
      missing: {
        linkedArticles: linkedFound.filter((a) => a === undefined).length,
        articleBodies: articles.filter((a) => a.body.trim() === '').length,
        fileBytes: waiting.filter((a) => !blobs.has(a.id)).length,
      },
      estimatedBytes: jsonSize(tickets) + jsonSize(comments) + jsonSize(worklogs) + jsonSize(attachments) + jsonSize(articles),
    };
  });
}

export type Readiness = 'ready' | 'incomplete' | 'stale' | 'gaps';

/** Ready = the bootstrap finished, the last sync is recent, and nothing of my work is missing. */
export function readiness(report: PrepareReport, now: Date, syncedAt: string | null = report.lastSyncAt): Readiness {
  if (!report.bootstrapped) return 'incomplete';
  if (!syncedAt || now.getTime() - Date.parse(syncedAt) > FRESH_MS) return 'stale';
  const { linkedArticles, articleBodies, fileBytes } = report.missing;
  return linkedArticles + articleBodies + fileBytes > 0 ? 'gaps' : 'ready';
}

/** The later of two ISO instants (the engine's status may be ahead of the cache's meta, or behind). */
export function later(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
