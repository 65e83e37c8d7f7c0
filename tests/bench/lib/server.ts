// The reference server for the console benchmarks: the real command line (`server/main.ts`) in a child
// process, on a free port, with a PGlite data folder of its own. BENCH_SERVER_DATA names a folder to
// keep between runs (seeded on the first run, reused after), which saves minutes of seeding while tuning.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { note } from './report';

export type BenchServer = { url: string; api: string; dataDir: string; startSeconds: number; stop(): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `databaseUrl`: PostgreSQL instead of a PGlite folder (it must be empty: it is seeded). */
export async function startBenchServer(options: { tickets: number; articles: number; databaseUrl?: string }): Promise<BenchServer> {
  const kept = process.env.BENCH_SERVER_DATA;
  const dataDir = kept ?? (await mkdtemp(join(tmpdir(), 'switchboard-bench-server-')));
  const reuse = !options.databaseUrl && kept !== undefined && existsSync(join(kept, 'PG_VERSION'));
  const port = await freePort();
  note(reuse
    ? `server: reusing the seeded data in ${dataDir}`
    : `server: seeding ${options.tickets} tickets and ${options.articles} articles into ${options.databaseUrl ? 'PostgreSQL' : dataDir}…`);
  const started = performance.now();
  // tsx as a loader of node itself: one process, so stopping it by its pid stops the server.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port),
      ...(options.databaseUrl ? ['--database', options.databaseUrl] : ['--data', dataDir]), '--seed', reuse ? 'none' : 'demo',
      '--tickets', String(options.tickets), '--articles', String(options.articles)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SWITCHBOARD_LOG: '0' } },
  );
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server stopped during start-up (exit ${code}): ${log.slice(-2000)}`)));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /Switchboard server on (\S+)\/api\/v1/.exec(log);
      if (match?.[1]) resolve(match[1]);
    });
  });
  child.removeAllListeners('exit');
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) note(`server: exited unexpectedly (code ${code}, signal ${signal}): ${log.slice(-500)}`);
  });
  const startSeconds = (performance.now() - started) / 1000;
  note(`server: ready on ${url} after ${startSeconds.toFixed(1)} s${reuse ? '' : ' (seeding included)'}`);
  return {
    url,
    api: `${url}/api/v1`,
    dataDir,
    startSeconds,
    async stop() {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!kept) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Login = { accessToken: string; agent: { id: string; name: string; role: string; desks: string[]; groupIds: string[] } };

export async function apiLogin(api: string, email: string): Promise<Login> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
  if (!res.ok) throw new Error(`login of ${email} failed: HTTP ${res.status}`);
  return (await res.json()) as Login;
}
