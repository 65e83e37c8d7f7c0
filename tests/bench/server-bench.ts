// `npm run bench:server`: seeds 100,000 tickets (BENCH_TICKETS to change) on each storage and prints one
// `name value unit` line per figure: pull throughput over HTTP, pull page p99, push throughput in
// batches of 100 mutations.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startServer } from '../../server/start';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const PAGE = Number(process.env.BENCH_PAGE ?? 5_000);
const PUSH_BATCHES = Number(process.env.BENCH_PUSH_BATCHES ?? 30);
const ADMIN_URL = process.env.SWITCHBOARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? 0;
const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`);

async function bench(storage: 'pglite' | 'postgres', databaseUrl?: string) {
  const seeding = performance.now();
  const { app, db } = await startServer({ databaseUrl, seed: 'demo', tickets: TICKETS, articles: 1000 });
  line(`${storage}.seed_s`, (performance.now() - seeding) / 1000, 's');
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1`;
  const login = await (await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'demo' }) })).json() as { accessToken: string };
  const auth = { authorization: `Bearer ${login.accessToken}` };

  let cursor: string | undefined;
  let rows = 0;
  const pageMs: number[] = [];
  const start = performance.now();
  for (;;) {
    const t = performance.now();
    const res = await fetch(`${url}/sync/pull?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
    const page = await res.json() as { changes: unknown[]; cursor: string; hasMore: boolean };
    pageMs.push(performance.now() - t);
    rows += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const seconds = (performance.now() - start) / 1000;
  line(`${storage}.pull_rows`, rows, 'rows');
  line(`${storage}.pull_rows_per_s`, Math.round(rows / seconds), 'rows/s');
  line(`${storage}.pull_page_p99_ms`, percentile(pageMs, 99), 'ms');

  const tickets = await db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND data->>'status' = 'open' LIMIT 100`);
  const clientId = randomUUID();
  let seq = 0;
  const pushStart = performance.now();
  for (let b = 0; b < PUSH_BATCHES; b++) {
    const mutations = tickets.map((t, i) => ({
      id: randomUUID(), seq: ++seq, at: new Date().toISOString(),
      ...(i % 2 === 0
        ? { name: 'comment.add', args: { id: randomUUID(), ticketId: t.id, body: `Batch ${b}: checked the logs`, visibility: 'internal' } }
        : { name: 'worklog.add', args: { id: randomUUID(), ticketId: t.id, minutes: 15, note: 'Remote session', onSite: false, startedAt: new Date().toISOString() } }),
    }));
    const res = await fetch(`${url}/sync/push`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ clientId, schemaVersion: 1, mutations }) });
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
  }
  line(`${storage}.push_mutations_per_s`, Math.round(seq / ((performance.now() - pushStart) / 1000)), 'mutations/s');
  await app.close();
}

async function main() {
  console.log(`# server benchmark: ${TICKETS} tickets, pull pages of ${PAGE}, push batches of 100`);
  await bench('pglite');
  const name = `switchboard_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`# PostgreSQL not reachable at ${ADMIN_URL}: its figures are skipped`);
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  try {
    await bench('postgres', dbUrl.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
