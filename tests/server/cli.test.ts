// The command line (`npm run server`) as a user runs it, on each storage: it prints the URL, the storage
// and the demo logins, answers health, shuts down cleanly on Ctrl+C, refuses bad flags with a clear
// message, and a second start on the same data keeps what the first one had.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, STORAGES } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Starting PGlite on disk and seeding take a while on a busy machine; these are limits, not expectations.
const START_LIMIT_MS = 150_000;
const TEST_LIMIT_MS = 400_000;

type Run = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

function run(args: string[]): Run {
  // The flags under test decide; nothing leaks in from the developer's environment.
  const env = { ...process.env };
  for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'SWITCHBOARD_DATA', 'SWITCHBOARD_ALERTS_KEY', 'SWITCHBOARD_LOG']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(pattern) {
      const deadline = Date.now() + START_LIMIT_MS;
      for (;;) {
        const match = out.match(pattern);
        if (match) return match;
        if (done) throw new Error(`the server exited before printing ${pattern}:\n${out}\n${err}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${START_LIMIT_MS} ms:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** Starts the server and waits for its URL line; returns the API base URL. */
async function started(server: Run): Promise<string> {
  const [, base] = await server.waitFor(/Switchboard server on (http:\/\/\S+\/api\/v1)/);
  return base as string;
}

/** Ctrl+C, and the exit it leads to. */
async function interrupt(server: Run) {
  server.child.kill('SIGINT');
  return server.exited;
}

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function pullAll(base: string, token: string) {
  const rows = new Map<string, unknown>();
  let cursor: string | undefined;
  for (;;) {
    const q = new URLSearchParams({ limit: '5000', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${base}/sync/pull?${q}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { changes: Array<{ entity: string; id: string; op: string; data?: unknown }>; cursor: string; hasMore: boolean };
    for (const c of page.changes) if (c.op === 'put') rows.set(`${c.entity}:${c.id}`, c.data);
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

describe.each(STORAGES)('the command line on %s', (storage) => {
  const running: Run[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  /** Flags that put a server on a new, empty store of this storage (the same store on every call with the same key). */
  const stores = new Map<string, string[]>();
  async function storeFlags(key: string): Promise<string[]> {
    const known = stores.get(key);
    if (known) return known;
    let flags: string[];
    if (storage === 'pglite') {
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      flags = ['--data', dir];
    } else {
      const db = await createPostgresDatabase();
      cleanups.push(db.drop);
      flags = ['--database', db.url];
    }
    stores.set(key, flags);
    return flags;
  }
  const launch = (args: string[]) => {
    const server = run(args);
    running.push(server);
    return server;
  };

  afterAll(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(running.map((s) => s.exited));
    for (const cleanup of cleanups) await cleanup();
  });

  it('prints the URL and the storage, answers health, and exits 0 on Ctrl+C', { timeout: TEST_LIMIT_MS }, async () => {
    const flags = await storeFlags('empty');
    const server = launch(['--port', '0', '--seed', 'none', ...flags]);
    const base = await started(server);
    const { port } = new URL(base);
    expect(Number(port)).toBeGreaterThan(0);
    expect(server.stdout()).toContain(storage === 'pglite' ? `storage: PGlite in ${flags[1]}` : `storage: PostgreSQL (${new URL(flags[1] ?? '').host})`);
    // Nothing seeded: no demo logins to promise.
    expect(server.stdout()).not.toContain('Demo logins');

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', storage, version: 1 });
    // --seed none: nothing was seeded, so the demo logins do not work on this store.
    expect((await post(`${base}/auth/login`, { email: 'agent@example.com', password: 'demo' })).status).toBe(401);

    const exit = await interrupt(server);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stderr()).not.toMatch(/Error|at .*\(/);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });

  it('refuses bad flags with a clear message and a non-zero exit', { timeout: TEST_LIMIT_MS }, async () => {
    const flags = await storeFlags('empty');
    const seed = launch(['--port', '0', '--seed', 'bogus', ...flags]);
    const seedExit = await seed.exited;
    expect(seedExit.code).not.toBe(0);
    expect(seedExit.code).not.toBeNull();
    expect(seed.stderr()).toContain('--seed must be demo, none or auto');
    expect(seed.stdout()).not.toContain('Switchboard server on');

    const port = launch(['--port', 'eighty', '--seed', 'none', ...flags]);
    expect((await port.exited).code).not.toBe(0);
    expect(port.stderr()).toContain('--port must be a whole number, not "eighty"');
  });

  it('seeds the demo on an empty store, and a second start on the same store keeps the data', { timeout: TEST_LIMIT_MS }, async () => {
    const flags = await storeFlags('kept');
    const first = launch(['--port', '0', '--tickets', '30', '--articles', '5', ...flags]);
    const base = await started(first);
    await first.waitFor(/Demo logins/);
    const logins = first.stdout().split('\n').find((line) => line.startsWith('Demo logins')) ?? '';
    for (const email of ['agent@example.com', 'supervisor@example.com', 'tech@example.com', 'admin@example.com']) expect(logins).toContain(email);
    expect(logins).toContain('"demo"');
    const login = await post(`${base}/auth/login`, { email: 'agent@example.com', password: 'demo' });
    expect(login.status).toBe(200);
    const token = login.json.accessToken as string;
    const rows = await pullAll(base, token);
    const tickets = [...rows.keys()].filter((k) => k.startsWith('ticket:'));
    expect(tickets).toHaveLength(30);
    const ticketId = tickets[0]?.slice('ticket:'.length);
    const commentId = randomUUID();
    const pushed = await post(`${base}/sync/push`, {
      clientId: randomUUID(), schemaVersion: 1,
      mutations: [{ id: randomUUID(), seq: 1, name: 'comment.add', at: new Date().toISOString(), args: { id: commentId, ticketId, body: 'Written before the restart', visibility: 'internal' } }],
    }, token);
    expect(pushed.json.results[0].status).toBe('applied');
    expect(await interrupt(first)).toEqual({ code: 0, signal: null });

    // Same store, default seed: the data is there and is not seeded a second time.
    const second = launch(['--port', '0', ...flags]);
    const again = await started(second);
    const relogin = await post(`${again}/auth/login`, { email: 'agent@example.com', password: 'demo' });
    expect(relogin.status).toBe(200);
    const kept = await pullAll(again, relogin.json.accessToken as string);
    expect([...kept.keys()].filter((k) => k.startsWith('ticket:')).sort()).toEqual([...tickets].sort());
    expect(kept.get(`comment:${commentId}`)).toMatchObject({ ticketId, body: 'Written before the restart' });
    expect(kept.size).toBe(rows.size + 1);
    expect(await interrupt(second)).toEqual({ code: 0, signal: null });
  });
});
