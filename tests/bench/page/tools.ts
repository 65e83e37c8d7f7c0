// Loaded into a console page after log-in (bundled by esbuild, added with a script tag): the real cache
// and outbox modules of the console, and plain Dexie, for what the benchmark does beside the UI:
// the no-index write limit, writing the offline mutations with the console's own `enqueue`, and
// watching a cache for a change. Reached as `window.__benchTools`.
import Dexie, { type ObservabilitySet } from 'dexie';
import { z } from 'zod';
import type { Agent } from '../../../shared/schemas/entities';
import { CacheDb } from '../../../renderer/db/cache-db';
import { enqueue } from '../../../renderer/sync/outbox';
import { observedChange } from '../../../renderer/lib/observed-keys';

// The page's CSP forbids eval, as the console's entry says.
z.config({ jitless: true });

const caches = new Map<string, CacheDb>();
function cache(dbName: string): CacheDb {
  let db = caches.get(dbName);
  if (!db) caches.set(dbName, (db = new CacheDb(dbName, { strict: true })));
  return db;
}

const tools = {
  /**
   * The local write limit: the same pull pages the bootstrap fetches (same server, same page size),
   * each written with one plain `bulkPut` into a fresh database whose only index is the primary key.
   */
  async noIndexLimit(api: string, email: string, pageSize: number): Promise<{ rows: number; tickets: number; ms: number; writeMs: number; fetchMs: number; pages: number }> {
    const login = await (await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) })).json() as { accessToken: string };
    const name = `bench-noindex-${Math.random().toString(36).slice(2)}`;
    const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' });
    db.version(1).stores({ rows: 'id' });
    await db.open();
    let cursor: string | undefined;
    let rows = 0;
    let tickets = 0;
    let writeMs = 0;
    let pages = 0;
    const start = performance.now();
    for (;;) {
      const res = await fetch(`${api}/sync/pull?limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${login.accessToken}` } });
      const page = await res.json() as { changes: { entity: string; op: string; data?: { id: string } }[]; cursor: string; hasMore: boolean };
      const data = page.changes.flatMap((c) => (c.op === 'put' && c.data ? [c.data] : []));
      const w = performance.now();
      await db.table('rows').bulkPut(data);
      writeMs += performance.now() - w;
      rows += data.length;
      tickets += page.changes.filter((c) => c.entity === 'ticket').length;
      pages++;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const ms = performance.now() - start;
    db.close();
    await Dexie.delete(name);
    return { rows, tickets, ms, writeMs, fetchMs: ms - writeMs, pages };
  },

  /**
   * Writes `count` mutations to the console's outbox exactly as the console does (`enqueue`: next seq,
   * shadows, optimistic apply, strict durability): internal notes and worklogs on the given tickets.
   */
  async writeOutbox(dbName: string, actor: Agent, ticketIds: string[], count: number, tag: string, inFlight = 8): Promise<{ ms: number; perMutationMs: number[] }> {
    const db = cache(dbName);
    const deps = { db, actor, now: () => new Date(), newId: () => crypto.randomUUID() };
    const perMutationMs: number[] = [];
    const start = performance.now();
    let next = 0;
    // A few enqueues in flight: each is still its own strict transaction (IndexedDB runs them one after
    // another), this only keeps the queue of them full while one commits.
    const writer = async () => {
      for (let i = next++; i < count; i = next++) {
        const ticketId = ticketIds[i % ticketIds.length]!;
        const t = performance.now();
        if (i % 2 === 0) {
          await enqueue(deps, 'comment.add', { id: crypto.randomUUID(), ticketId, body: `${tag} note ${i}: checked the logs offline`, visibility: 'internal' });
        } else {
          await enqueue(deps, 'worklog.add', { id: crypto.randomUUID(), ticketId, minutes: 5, note: `${tag} worklog ${i}`, onSite: true, startedAt: new Date().toISOString() });
        }
        perMutationMs.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, writer));
    return { ms: performance.now() - start, perMutationMs };
  },

  async outbox(dbName: string): Promise<{ total: number; pending: number; confirmed: number; conflicts: number; attention: number }> {
    const db = cache(dbName);
    const [total, pending, conflicts, attention] = await Promise.all([
      db.outbox.count(),
      db.outbox.where('state').equals('pending').count(),
      db.conflicts.count(),
      db.attention.count(),
    ]);
    return { total, pending, confirmed: total - pending, conflicts, attention };
  },

  /** Polls until the outbox is empty; the page's time when it was first seen empty. */
  async outboxEmpty(dbName: string, timeoutMs: number, everyMs = 20): Promise<number> {
    const db = cache(dbName);
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      if ((await db.outbox.count()) === 0) return performance.now();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    throw new Error('the outbox did not empty in time');
  },

  /**
   * Waits until a comment with this body is in the cache; the wall-clock time it was seen. Looks at the
   * comments each of the cache's change notices names (Dexie's storagemutated, which reaches this page
   * from the sync worker's writes as it reaches the console's own views), and through all of the
   * ticket's comments every 100 ms besides. Polling every few milliseconds instead kept a core busy
   * with reads, slowing down the very consoles being measured.
   */
  async commentSeen(dbName: string, ticketId: string, body: string, timeoutMs: number): Promise<number> {
    const db = cache(dbName);
    const matches = (c: { ticketId: string; body: string } | undefined) => c !== undefined && c.ticketId === ticketId && c.body === body;
    const anyOnTicket = async () => (await db.comments.where('ticketId').equals(ticketId).filter(matches).count()) > 0;
    return new Promise<number>((resolve, reject) => {
      let done = false;
      const finish = (result: number | Error) => {
        if (done) return;
        done = true;
        Dexie.on.storagemutated.unsubscribe(onNotice);
        clearInterval(timer);
        clearTimeout(timeout);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const look = (found: Promise<boolean>) =>
        found.then((yes) => yes && finish(performance.timeOrigin + performance.now()), (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
      const onNotice = (parts: ObservabilitySet) => {
        const change = observedChange(parts, dbName, 'comments');
        if (!change) return;
        look(change.all ? anyOnTicket() : db.comments.bulkGet(change.keys).then((rows) => rows.some(matches)));
      };
      Dexie.on('storagemutated', onNotice);
      const timer = setInterval(() => look(anyOnTicket()), 100);
      const timeout = setTimeout(() => finish(new Error(`comment "${body}" never reached this cache`)), timeoutMs);
      look(anyOnTicket());
    });
  },

  async counts(dbName: string): Promise<Record<string, number>> {
    const db = cache(dbName);
    const out: Record<string, number> = {};
    for (const table of db.tables) out[table.name] = await table.count();
    return out;
  },
};

(window as unknown as { __benchTools: typeof tools }).__benchTools = tools;
