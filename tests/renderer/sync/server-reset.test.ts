// A server that lost this device's latest pushes (its database was reset) must get them again: changes
// it had confirmed but the console had not yet pulled go back to pending and are renumbered with the rest
// from the seq the server expects (DESIGN.md rule 8: nothing is lost on reset).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { visibleRows } from '../../server/device';
import { cachedRows, openConsole } from './console-harness';
import { startRestartableServer, type RestartableServer } from './restartable-server';

let server: RestartableServer;
beforeAll(async () => {
  server = await startRestartableServer({ tickets: 20, articles: 3 });
}, 300_000);
afterAll(async () => server?.close());

/** Fails instead of hanging when the engine loops. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

it('changes confirmed by a server that then lost them are sent again after its reset, with the pending ones', async () => {
  const before = await openConsole(server, 'agent@example.com', { pageSize: 500 });
  await before.sync();
  const ticket = (await before.db.tickets.toArray()).find((t) => t.desk === 'service' && t.status !== 'closed');
  if (!ticket) throw new Error('no service ticket');

  // Pushed and confirmed, but the console crashed before the pull that would have retired it.
  const confirmed = randomUUID();
  await before.change('comment.add', { id: confirmed, ticketId: ticket.id, body: 'Zapsáno před resetem', visibility: 'internal' });
  const requests = before.net.requests;
  requests.push = (...items: string[]) => {
    // Recorded before the network is looked at: the first pull never leaves.
    if (items.some((r) => r.startsWith('GET /sync/pull'))) before.net.mode = 'offline';
    return Array.prototype.push.apply(requests, items);
  };
  await expect(before.sync()).rejects.toThrow();
  expect((await before.db.outbox.toArray()).map((e) => e.state)).toEqual(['confirmed']);
  // And one more, still pending.
  const pending = randomUUID();
  await before.change('comment.add', { id: pending, ticketId: ticket.id, body: 'Zapsáno offline', visibility: 'internal' });
  before.close();

  await server.reset();
  // The agent signs in again; the device keeps its IndexedDB.
  const after = await openConsole(server, 'agent@example.com', { idb: before.idb, dbName: before.dbName, pageSize: 500 });
  await within(20_000, after.sync());

  const [{ n } = { n: '0' }] = await server.db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM entities WHERE entity = 'comment' AND id = ANY($1::uuid[])`,
    [[confirmed, pending]],
  );
  expect(Number(n)).toBe(2);
  expect(await after.db.outbox.count()).toBe(0);
  expect(Object.fromEntries(await cachedRows(after.db))).toEqual(Object.fromEntries(await visibleRows(server, ['service', 'help'])));
  after.close();
}, 120_000);
