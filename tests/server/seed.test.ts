// Seeding writes the generator's output exactly: every row as generated (stored as ASCII-escaped JSON,
// the same value), numbered in the generator's order, with the indexes the migrations made back in place;
// seeding again over the data upserts it unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/db/seed';
import { generateDemo, type DemoData } from '../../server/demo/index';
import { STORAGES, startTestServer, type TestServer } from './harness';

const NOW = new Date('2026-11-20T10:00:00Z');
const OPTIONS = { now: NOW, tickets: 300, articles: 30 };

function expectedRows(demo: DemoData): Array<[string, unknown]> {
  return [
    ...demo.organizations.map((d) => ['organization', d] as const), ...demo.groups.map((d) => ['group', d] as const),
    ...demo.shifts.map((d) => ['shift', d] as const), ...demo.agents.map((d) => ['agent', d] as const),
    ...demo.articles.map((d) => ['article', d] as const), ...demo.tickets.map((d) => ['ticket', d] as const),
    ...demo.comments.map((d) => ['comment', d] as const), ...demo.worklogs.map((d) => ['worklog', d] as const),
  ].map(([entity, data]) => [`${entity}:${data.id}`, JSON.parse(JSON.stringify(data))]);
}

describe.each(STORAGES)('seeding on %s', (storage) => {
  let server: TestServer;
  let indexes: string[];
  beforeAll(async () => {
    server = await startTestServer(storage, { ...OPTIONS, now: () => NOW });
    indexes = await indexDefinitions();
  });
  afterAll(async () => server?.close());

  const indexDefinitions = async () => (await server.db.query<{ definition: string }>(
    `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = 'entities'::regclass ORDER BY 1`,
  )).map((r) => r.definition);
  const seeded = async () => server.db.query<{ key: string; data: unknown; desk: string | null; open: boolean | null }>(
    `SELECT entity || ':' || id AS key, data, desk, open FROM entities WHERE NOT (entity = 'agent' AND data->>'email' LIKE 'monitoring%') ORDER BY change_id`,
  );

  it('stores the generated rows, in the generated order, and the ticket columns beside them', async () => {
    const rows = await seeded();
    expect(rows.map((r) => [r.key, r.data])).toEqual(expectedRows(generateDemo(OPTIONS)));
    const tickets = rows.filter((r) => r.key.startsWith('ticket:'));
    expect(tickets.every((r) => r.desk === (r.data as { desk: string }).desk)).toBe(true);
    expect(tickets.filter((r) => r.open).length).toBeGreaterThan(0);
    expect(indexes).toHaveLength(6);
    expect(indexes.join('\n')).toMatch(/entities_change/);
  });

  it('seeding the same data again leaves it as it was, indexes included', async () => {
    const before = await seeded();
    await seedDemo(server.db, generateDemo(OPTIONS));
    const after = await seeded();
    expect(after.map((r) => [r.key, r.data])).toEqual(before.map((r) => [r.key, r.data]));
    expect(await indexDefinitions()).toEqual(indexes);
  });
});
