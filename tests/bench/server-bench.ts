// `npm run bench:server`: seeds 100,000 tickets (BENCH_TICKETS to change) on each storage and prints one
// `name value unit` line per figure: pull throughput over HTTP, pull page p99, push throughput in
// batches of 100 mutations. The server is the real command line in a process of its own, so the
// client's parsing and timing do not share its CPU time.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Figures, note, noteMachine, percentile } from './lib/report';
import { apiLogin, startBenchServer } from './lib/server';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const PAGE = Number(process.env.BENCH_PAGE ?? 5_000);
const PUSH_BATCHES = Number(process.env.BENCH_PUSH_BATCHES ?? 30);
const ADMIN_URL = process.env.SWITCHBOARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function bench(figures: Figures, storage: 'pglite' | 'postgres', databaseUrl?: string) {
  const server = await startBenchServer({ tickets: TICKETS, articles: 1000, databaseUrl });
  try {
    figures.report(`${storage}.seed_s`, server.startSeconds, 's');
    noteMachine(`${storage}, before the measurements`);
    const { accessToken } = await apiLogin(server.api, 'admin@example.com');
    const auth = { authorization: `Bearer ${accessToken}` };

    let cursor: string | undefined;
    let rows = 0;
    const pageMs: number[] = [];
    const start = performance.now();
    for (;;) {
      const t = performance.now();
      const res = await fetch(`${server.api}/sync/pull?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth });
      const page = await res.json() as { changes: unknown[]; cursor: string; hasMore: boolean };
      pageMs.push(performance.now() - t);
      rows += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const seconds = (performance.now() - start) / 1000;
    note(`${storage}: pulled ${rows} rows in ${pageMs.length} pages`);
    figures.report(`${storage}.pull_rows_per_s`, Math.round(rows / seconds), 'rows/s', { min: storage === 'pglite' ? 20_000 : 50_000 });
    figures.report(`${storage}.pull_page_p99_ms`, Math.round(percentile(pageMs, 99)), 'ms');

    // The most urgent open tickets of both desks, as the first screen gets them.
    const slice = await (await fetch(`${server.api}/sync/slice?limit=50`, { headers: auth })).json() as { changes: { entity: string; id: string }[] };
    const tickets = slice.changes.filter((c) => c.entity === 'ticket').slice(0, 100);
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
      const res = await fetch(`${server.api}/sync/push`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ clientId, schemaVersion: 1, mutations }) });
      if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`);
    }
    figures.report(`${storage}.push_mutations_per_s`, Math.round(seq / ((performance.now() - pushStart) / 1000)), 'mutations/s', { min: 1000 });
  } finally {
    await server.stop();
  }
}

async function main() {
  const figures = new Figures();
  note(`server benchmark: ${TICKETS} tickets, pull pages of ${PAGE}, push batches of 100`);
  await bench(figures, 'pglite');
  const name = `switchboard_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    note(`PostgreSQL not reachable at ${ADMIN_URL}: its figures are skipped`);
    figures.summary();
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  try {
    await bench(figures, 'postgres', dbUrl.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  figures.summary();
}

await main();
