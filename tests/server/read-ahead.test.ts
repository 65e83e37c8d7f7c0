// Read-ahead over real HTTP: while a client takes in one page the server prepares the next, yet a write
// made after that (here: the client's own push) is never hidden from the pulls that follow it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadAhead } from '../../server/sync/read-ahead';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

describe('the read-ahead store', () => {
  const page = (cursor: string) => Promise.resolve({ body: Buffer.from(cursor), cursor, hasMore: true });

  it('hands a prepared page out once, forgets it after its time, and holds only a few', async () => {
    let now = 0;
    const store = createReadAhead({ capacity: 2, ttlMs: 100, clock: () => now });
    store.offer('a', () => page('a'));
    expect((await store.take('a'))?.cursor).toBe('a');
    expect(store.take('a')).toBeUndefined();
    store.offer('b', () => page('b'));
    now = 100;
    expect(store.take('b')).toBeUndefined();
    store.offer('c', () => page('c'));
    store.offer('d', () => page('d'));
    store.offer('e', () => page('e'));
    expect(store.take('e')).toBeUndefined();
    store.clear();
    expect(store.take('c')).toBeUndefined();
  });

  it('counts a failed preparation as a miss', async () => {
    const store = createReadAhead();
    store.offer('a', () => Promise.reject(new Error('database gone')));
    await expect(store.take('a')).rejects.toThrow('database gone');
  });
});

describe.each(STORAGES)('read-ahead on %s', (storage) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(storage);
  });
  afterAll(async () => server?.close());

  it('a push between two pages of a bootstrap reaches the pulls after it', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const me = device(server, accessToken);
    // A first page that leaves five rows: the page prepared after it is the last one, as of now.
    const visible = (await server.call('GET', '/sync/pull?limit=10000', { token: accessToken })).json.changes.length as number;
    const limit = visible - 5;
    const first = (await server.call('GET', `/sync/pull?limit=${limit}`, { token: accessToken })).json;
    expect(first.hasMore).toBe(true);
    // The server is now preparing the page after `first`; this push must drop it.
    const [open] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND open LIMIT 1`);
    const commentId = randomUUID();
    const pushed = await me.push({ name: 'comment.add', args: { id: commentId, ticketId: open?.id, body: 'Po restartu funguje', visibility: 'public' } });
    expect(pushed.json.results[0].status).toBe('applied');
    const rest = await me.pullAll(first.cursor, limit);
    expect(rest.rows.has(`comment:${commentId}`)).toBe(true);
  });

  it('pages read ahead make the same bootstrap as pages read on demand', async () => {
    const { accessToken } = await server.login('supervisor@example.com');
    const me = device(server, accessToken);
    const ahead = await me.pullAll(undefined, 150);
    expect(ahead.pages).toBeGreaterThan(3);
    const once = await me.pullAll(undefined, 10_000);
    expect(once.pages).toBe(1);
    expect(Object.fromEntries(ahead.rows)).toEqual(Object.fromEntries(once.rows));
  });
});
