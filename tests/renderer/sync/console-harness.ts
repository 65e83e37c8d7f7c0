// A console without its UI, for sync tests: a real Dexie cache on fake-indexeddb (a fresh IndexedDB per
// console, like separate machines), the real sync engine, and a network switch between it and a real
// server: online, offline, or "answer lost" (the request reaches the server, the answer never returns).
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ArgsOf, MutationName } from '../../../shared/protocol/mutations';
import type { Agent } from '../../../shared/schemas/entities';
import { CacheDb } from '../../../renderer/db/cache-db';
import { createSyncApi } from '../../../renderer/sync/api';
import { SyncEngine, type EngineDeps } from '../../../renderer/sync/engine';
import { enqueue, type OutboxDeps } from '../../../renderer/sync/outbox';
import type { TestServer } from '../../server/harness';

export type Network = 'online' | 'offline' | 'lose-answers';

/** `engine`: more of the engine's dependencies (an event stream, a timer) for tests that run it with start(). */
export async function openConsole(server: TestServer, email: string, options: { idb?: IDBFactory; dbName?: string; pageSize?: number; engine?: Partial<EngineDeps> } = {}) {
  const session = await server.login(email);
  let token = session.accessToken;
  let refreshToken = session.refreshToken;
  /** `cutAfterPulls`: the network drops once that many pulls went through (a crash mid-bootstrap). */
  const net = { mode: 'online' as Network, requests: [] as string[], cutAfterPulls: Infinity };
  const networkFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    if (net.requests.filter((r) => r.startsWith('GET /sync/pull')).length >= net.cutAfterPulls) net.mode = 'offline';
    net.requests.push(`${init?.method ?? 'GET'} ${url.replace(server.url, '')}`);
    if (net.mode === 'offline') throw new TypeError('fetch failed (offline)');
    const res = await fetch(input, init);
    if (net.mode === 'lose-answers') throw new TypeError('connection reset before the answer arrived');
    return res;
  };
  const api = createSyncApi({
    baseUrl: server.url,
    fetch: networkFetch,
    tokens: {
      get: async () => token,
      refresh: async () => {
        const res = await server.call('POST', '/auth/refresh', { body: { refreshToken } });
        token = res.json.accessToken;
        refreshToken = res.json.refreshToken;
        return token;
      },
    },
  });
  const idb = options.idb ?? new IDBFactory();
  const dbName = options.dbName ?? `console-${randomUUID()}`;
  const open = () => new CacheDb(dbName, { indexedDB: idb, IDBKeyRange });
  let db = open();
  const actor = session.agent as unknown as Agent;
  const engine = () => new SyncEngine({ db, api, actor, newId: randomUUID, pageSize: options.pageSize ?? 500, random: () => 0.5, ...options.engine });
  let current = engine();
  const deps = (): OutboxDeps => ({ db, actor, now: () => new Date(), newId: randomUUID });
  return {
    agent: actor,
    net,
    idb,
    dbName,
    get db() {
      return db;
    },
    get engine() {
      return current;
    },
    deps,
    sync: () => current.syncOnce(),
    /** A change made through the outbox, as the UI makes it. */
    change: <N extends MutationName>(name: N, args: ArgsOf<N>) => enqueue(deps(), name, args),
    /** Closes the page and opens it again: a new database connection and a new engine on the same IndexedDB. */
    reload() {
      db.close();
      db = open();
      current = engine();
    },
    close: () => db.close(),
  };
}

export type TestConsole = Awaited<ReturnType<typeof openConsole>>;

/** Everything the console caches, by `entity:id`, to compare with what the server would deliver. */
export async function cachedRows(db: CacheDb): Promise<Map<string, unknown>> {
  const rows = new Map<string, unknown>();
  const tables = { ticket: db.tickets, comment: db.comments, worklog: db.worklogs, attachment: db.attachments, article: db.articles, agent: db.agents, group: db.groups, shift: db.shifts, organization: db.organizations };
  for (const [entity, table] of Object.entries(tables)) {
    for (const row of await table.toArray()) rows.set(`${entity}:${(row as { id: string }).id}`, row);
  }
  return rows;
}
