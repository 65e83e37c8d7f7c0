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

/** A console with one change pushed and confirmed, whose retiring pull never happened (a crash). */
async function confirmedButNotPulled() {
  const c = await openConsole(server, 'agent@example.com', { pageSize: 500 });
  await c.sync();
  const ticket = (await c.db.tickets.toArray()).find((t) => t.desk === 'service' && t.status !== 'closed');
  if (!ticket) throw new Error('no service ticket');
  const id = randomUUID();
  await c.change('comment.add', { id, ticketId: ticket.id, body: 'Zapsáno před resetem', visibility: 'internal' });
  const requests = c.net.requests;
  requests.push = (...items: string[]) => {
    // Recorded before the network is looked at: the first pull never leaves.
    if (items.some((r) => r.startsWith('GET /sync/pull'))) c.net.mode = 'offline';
    return Array.prototype.push.apply(requests, items);
  };
  await expect(c.sync()).rejects.toThrow();
  expect((await c.db.outbox.toArray()).map((e) => e.state)).toEqual(['confirmed']);
  return { c, ticket, id };
}

/** The server's database is replaced; the agent signs in again on the same device (same IndexedDB). */
async function afterReset(before: Awaited<ReturnType<typeof openConsole>>) {
  before.close();
  await server.reset();
  return openConsole(server, 'agent@example.com', { idb: before.idb, dbName: before.dbName, pageSize: 500 });
}

async function expectOnServer(ids: string[]) {
  const [{ n } = { n: '0' }] = await server.db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM entities WHERE entity = 'comment' AND id = ANY($1::uuid[])`,
    [ids],
  );
  expect(Number(n)).toBe(ids.length);
}

it('a change the reset server had confirmed is sent again with the pending ones, numbered from what it expects', async () => {
  const { c: before, ticket, id: confirmed } = await confirmedButNotPulled();
  const pending = randomUUID();
  await before.change('comment.add', { id: pending, ticketId: ticket.id, body: 'Zapsáno offline', visibility: 'internal' });
  const after = await afterReset(before);
  await within(20_000, after.sync());
  await expectOnServer([confirmed, pending]);
  expect(await after.db.outbox.count()).toBe(0);
  expect(Object.fromEntries(await cachedRows(after.db))).toEqual(Object.fromEntries(await visibleRows(server, ['service', 'help'])));
  after.close();
}, 120_000);

it('a change the reset server had confirmed is sent again even with nothing else pending', async () => {
  const { c: before, id } = await confirmedButNotPulled();
  const after = await afterReset(before);
  await within(20_000, after.sync());
  await expectOnServer([id]);
  expect(await after.db.outbox.count()).toBe(0);
  expect(Object.fromEntries(await cachedRows(after.db))).toEqual(Object.fromEntries(await visibleRows(server, ['service', 'help'])));
  after.close();
}, 120_000);
