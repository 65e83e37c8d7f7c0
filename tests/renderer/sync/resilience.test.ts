// The cache under pressure and across upgrades: a full disk evicts article bodies (never the outbox) and the
// page still lands; attachment bytes wait locally until their metadata reached the server; a cache made by
// an older schema version opens with its pending changes intact and still sends them.
import { createHash, randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_V1 } from '../../../renderer/db/cache-db';
import { startTestServer, type TestServer } from '../../server/harness';
import { openConsole } from './console-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('pglite', { tickets: 60, articles: 15 });
});
afterAll(async () => server?.close());

async function openTicketId(offset = 0): Promise<string> {
  const rows = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND desk = 'service' AND data->>'status' = 'open' ORDER BY id OFFSET $1 LIMIT 1`, [offset]);
  return rows[0]?.id ?? '';
}

describe('storage pressure', () => {
  it('a full disk evicts knowledge-base bodies first and keeps every pending change', async () => {
    const c = await openConsole(server, 'agent@example.com');
    await c.sync();
    const ticketId = await openTicketId();
    c.net.mode = 'offline';
    const noteId = randomUUID();
    await c.change('comment.add', { id: noteId, ticketId, body: 'kept through a full disk', visibility: 'internal' });
    expect((await c.db.articles.toArray()).some((a) => a.body.length > 0)).toBe(true);

    // The next page write hits the quota once, as a real full disk would answer.
    let refused = false;
    c.db.comments.hook('creating', () => {
      if (!refused) {
        refused = true;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });
    const other = await openConsole(server, 'supervisor@example.com');
    await other.sync();
    await other.change('comment.add', { id: randomUUID(), ticketId, body: 'a new reply to pull', visibility: 'public' });
    await other.sync();

    c.net.mode = 'online';
    await c.sync();
    expect(refused).toBe(true);
    expect((await c.db.articles.toArray()).every((a) => a.body === '')).toBe(true);
    expect(await c.db.outbox.count()).toBe(0);
    const [{ n } = { n: '0' }] = await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM entities WHERE entity = 'comment' AND id = $1`, [noteId]);
    expect(Number(n)).toBe(1);
    c.close();
    other.close();
  });
});

describe('attachments', () => {
  it('bytes wait as a Blob offline and are uploaded once the metadata is on the server', async () => {
    const c = await openConsole(server, 'tech@example.com');
    await c.sync();
    const ticketId = await openTicketId(1);
    c.net.mode = 'offline';
    const bytes = new TextEncoder().encode('photo of the broken switch');
    const id = randomUUID();
    await c.db.blobs.put({ id, blob: new Blob([bytes], { type: 'text/plain' }) });
    await c.change('attachment.add', { id, ticketId, fileName: 'switch.txt', mediaType: 'text/plain', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    await expect(c.sync()).rejects.toThrow();
    expect(await c.db.blobs.count()).toBe(1);

    c.net.mode = 'online';
    await c.sync();
    expect(await c.db.blobs.count()).toBe(0);
    const login = await server.login('tech@example.com');
    const res = await fetch(`${server.url}/attachments/${id}`, { headers: { authorization: `Bearer ${login.accessToken}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('photo of the broken switch');
    expect((await c.db.attachments.get(id))?.uploaded).toBe(true);
    c.close();
  });
});

describe('schema upgrades', () => {
  it('a cache written by schema version 1 opens with its pending changes, which still reach the server', async () => {
    const idb = new IDBFactory();
    const dbName = `old-console-${randomUUID()}`;
    const ticketId = await openTicketId(2);
    const noteId = randomUUID();

    // The previous release's cache: version 1, one change waiting in its outbox, as that release wrote it.
    const old = new Dexie(dbName, { indexedDB: idb, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    const written = { id: randomUUID(), seq: 1, name: 'comment.add', args: { id: noteId, ticketId, body: 'written before the upgrade', visibility: 'internal' }, at: new Date().toISOString(), state: 'pending' };
    await old.table('outbox').add(written);
    await old.table('meta').put({ key: 'nextSeq', value: 2 });
    old.close();

    // The current release opens it: the outbox is kept, each entry now knowing the rows it writes.
    const upgraded = await openConsole(server, 'agent@example.com', { idb, dbName });
    expect(await upgraded.db.outbox.toArray()).toEqual([{ ...written, rows: [`comment:${noteId}`, `ticket:${ticketId}`] }]);
    // A new change of the same ticket is queued behind it, and both reach the server.
    upgraded.net.mode = 'offline';
    const second = randomUUID();
    await upgraded.change('comment.add', { id: second, ticketId, body: 'written after the upgrade', visibility: 'internal' });
    expect((await upgraded.db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2]);
    upgraded.net.mode = 'online';
    await upgraded.sync();
    expect(await upgraded.db.outbox.count()).toBe(0);
    const [{ n } = { n: '0' }] = await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM entities WHERE entity = 'comment' AND id = ANY($1::uuid[])`, [[noteId, second]]);
    expect(Number(n)).toBe(2);
    expect((await upgraded.db.comments.bulkGet([noteId, second])).map((c) => c?.body)).toEqual(['written before the upgrade', 'written after the upgrade']);
    upgraded.close();
  });
});
