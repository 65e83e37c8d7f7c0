// DESIGN.md sync rule 4 on PostgreSQL: many writers pushing in parallel while a reader pulls; the reader,
// pulling only forward from its cursor, ends holding every row. A cursor that skipped a late-committing
// writer's change would miss it for ever.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, visibleRows } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

describe.runIf(STORAGES.includes('postgres'))('concurrent writers on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', { tickets: 50, articles: 5 });
  });
  afterAll(async () => server?.close());

  it('a reader pulling during parallel pushes ends holding every row', async () => {
    const tickets = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND data->>'status' NOT IN ('resolved', 'closed')`);
    const reader = device(server, (await server.login('admin@example.com')).accessToken);
    const held = await reader.pullAll(undefined, 1000);
    const rows = held.rows;
    let cursor = held.cursor;

    const writers = await Promise.all(Array.from({ length: 8 }, async () => device(server, (await server.login('supervisor@example.com')).accessToken)));
    let writing = true;
    const writes = Promise.all(writers.map(async (w, wi) => {
      for (let batch = 0; batch < 10; batch++) {
        const mutations = Array.from({ length: 5 }, (_, i) => ({
          name: 'comment.add',
          args: { id: randomUUID(), ticketId: tickets[(wi * 7 + batch * 5 + i) % tickets.length]?.id, body: `w${wi} b${batch} m${i}`, visibility: 'internal' },
        }));
        const res = await w.push(...mutations);
        expect(res.status).toBe(200);
      }
    })).finally(() => {
      writing = false;
    });
    let pulls = 0;
    while (writing) {
      const page = await reader.pullAll(cursor, 7);
      for (const [k, v] of page.rows) rows.set(k, v);
      cursor = page.cursor;
      pulls++;
    }
    await writes;
    const last = await reader.pullAll(cursor, 1000);
    for (const [k, v] of last.rows) rows.set(k, v);

    const expected = await visibleRows(server, ['service', 'help']);
    expect(pulls).toBeGreaterThan(1);
    expect([...rows.keys()].filter((k) => k.startsWith('comment:')).length).toBe([...expected.keys()].filter((k) => k.startsWith('comment:')).length);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(expected));
  });
});
