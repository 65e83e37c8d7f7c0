// The rows the queues and the knowledge-base index watch are written so that Dexie's `storagemutated`
// notice names each key, also on a bootstrap page of thousands: a notice that names only a range makes
// every open queue re-read all its tickets, on every page, competing with the bootstrap for the disk.
import Dexie, { type ObservabilitySet } from 'dexie';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { observedChange } from '../../../renderer/queues/observed-keys';
import { startTestServer, type TestServer } from '../../server/harness';
import { openConsole } from './console-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('pglite', { tickets: 150, articles: 60 });
});
afterAll(async () => server?.close());

it('a bootstrap page names every ticket and article it writes, never a whole range', async () => {
  const c = await openConsole(server, 'agent@example.com', { pageSize: 2000 });
  // Opening (creating) the database announces every table as changed: that is not a write.
  await c.db.open();
  const seen = { tickets: new Set<string>(), articles: new Set<string>(), ranges: [] as string[] };
  const listener = (parts: ObservabilitySet) => {
    for (const table of ['tickets', 'articles'] as const) {
      const change = observedChange(parts, c.dbName, table);
      if (!change) continue;
      if (change.all) seen.ranges.push(table);
      else for (const key of change.keys) seen[table].add(key);
    }
  };
  Dexie.on('storagemutated', listener);
  try {
    await c.sync();
  } finally {
    Dexie.on.storagemutated.unsubscribe(listener);
  }
  expect(seen.ranges).toEqual([]);
  const tickets = await c.db.tickets.toCollection().primaryKeys();
  const articles = await c.db.articles.toCollection().primaryKeys();
  expect(tickets.length).toBeGreaterThan(100); // more than one notice's worth of keys in one page
  expect([...seen.tickets].sort()).toEqual([...tickets].sort());
  expect([...seen.articles].sort()).toEqual([...articles].sort());
  c.close();
});
