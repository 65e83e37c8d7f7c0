// The end-to-end harness: the real reference server (its command line, PGlite in a fresh folder, demo
// data), the console built once by global-setup.ts and served by the product's static server, and
// Debian's headless Chromium driven by playwright-core with a fresh profile per console. Everything a
// test starts is registered with its `World` and stopped or removed by `world.dispose()`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, describe, expect, inject } from 'vitest';
import { CHROMIUM_MISSING, CHROMIUM_PATH, chromiumAvailable } from './chromium';

const available = chromiumAvailable();
if (!available) console.warn(CHROMIUM_MISSING);

/** `describe` for suites that need Chromium: skipped (with the message above) only where it is absent outside CI. */
export const describeInChromium = describe.skipIf(!available);

export const PASSWORD = 'demo';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-results', 'e2e');

/** The flags known to work with Debian's Chromium here (DESIGN.md, toolchain notes). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Cleanup = () => Promise<void> | void;

/** A child process (node with the tsx loader) in its own process group, signalled and stopped as a group. */
type Child = { signal: (name: NodeJS.Signals) => void; stop: () => Promise<void> };

/** Process groups still running: killed if this test process ends without cleaning up (a crash, Ctrl+C). */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

export function startChild(args: string[], ready: RegExp, what: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<{ match: RegExpExecArray; child: Child; output: () => string; exited: Promise<number | null> }> {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SWITCHBOARD_LOG: '', ...env } });
  let output = '';
  let exited = proc.exitCode !== null;
  if (proc.pid) running.add(proc.pid);
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => {
    exited = true;
    if (proc.pid) running.delete(proc.pid);
    resolve(code);
  }));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (proc.pid) process.kill(-proc.pid, name);
    } catch {
      // Already gone.
    }
  };
  const child: Child = {
    signal,
    async stop() {
      if (exited) return;
      signal('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000))]);
      if (!killed) {
        signal('SIGKILL');
        await exit;
      }
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void child.stop();
      reject(new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ match, child, output: () => output, exited: exit });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

export type Agent = { id: string; name: string; email: string; role: string };

/** The reference server as a client sees it over HTTP. */
export class TestServer {
  constructor(readonly url: string) {}

  get api(): string {
    return `${this.url}/api/v1`;
  }

  get host(): string {
    return new URL(this.url).host;
  }

  async login(email: string): Promise<{ token: string; agent: Agent }> {
    const res = await fetch(`${this.api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(res.status, `log-in of ${email}`).toBe(200);
    const body = (await res.json()) as { accessToken: string; agent: Agent };
    return { token: body.accessToken, agent: body.agent };
  }

  async get<T>(path: string, token: string): Promise<T> {
    const res = await fetch(`${this.api}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  }

  /** What `token`'s agent may see on the server, entity by entity: a whole pull from no cursor, as a fresh device makes. */
  async snapshot(token: string): Promise<Map<string, Map<string, Record<string, unknown>>>> {
    const entities = new Map<string, Map<string, Record<string, unknown>>>();
    let cursor: string | null = null;
    for (;;) {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page: PullPage = await this.get(`/sync/pull?limit=10000${query}`, token);
      for (const change of page.changes) {
        let rows = entities.get(change.entity);
        if (!rows) entities.set(change.entity, (rows = new Map()));
        if (change.op === 'delete') rows.delete(change.id);
        else rows.set(change.id, change.data ?? {});
      }
      cursor = page.cursor;
      if (!page.hasMore) return entities;
    }
  }
}

type PullPage = { changes: { entity: string; id: string; op: 'put' | 'delete'; data?: Record<string, unknown> }[]; cursor: string; hasMore: boolean };

export type Console = { context: BrowserContext; page: Page; profileDir: string };

/** Everything one test file starts, stopped and removed in reverse order by `dispose()`. */
export class World {
  private readonly cleanups: Cleanup[] = [];
  private readonly contexts = new Set<BrowserContext>();
  readonly pageErrors: string[] = [];

  /** Every page open in the browsers this world launched. */
  pages(): Page[] {
    return [...this.contexts].flatMap((c) => c.pages());
  }

  private defer(cleanup: Cleanup): void {
    this.cleanups.push(cleanup);
  }

  /** `tsx server/main.ts` on a free port with PGlite in a fresh folder and demo data of the given size. */
  async startServer(options: { tickets: number; articles: number }): Promise<TestServer> {
    const data = await mkdtemp(join(tmpdir(), 'switchboard-e2e-data-'));
    this.defer(() => rm(data, { recursive: true, force: true }));
    const args = ['server/main.ts', '--port', '0', '--host', '127.0.0.1', '--data', data, '--seed', 'demo', '--tickets', String(options.tickets), '--articles', String(options.articles)];
    const { match, child } = await startChild(args, /Switchboard server on (http:\/\/\S+)\/api\/v1/, 'the reference server', 240_000);
    this.defer(() => child.stop());
    return new TestServer(match[1]!);
  }

  /** The console built by global-setup.ts, served by electron/launch/static-server.ts on a free port. */
  async serveConsole(): Promise<string> {
    const dir = inject('consoleDir');
    if (!dir) throw new Error('the console was not built (global-setup.ts)');
    const { match, child } = await startChild(['tests/e2e/serve-console.ts', dir], /console on (http:\/\/\S+)/, 'the console server', 60_000);
    this.defer(() => child.stop());
    return match[1]!;
  }

  /** A Chromium of its own with a fresh profile: one device. */
  async launch(): Promise<Console> {
    const profileDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-profile-'));
    this.defer(() => rm(profileDir, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1680, height: 1000 },
      locale: 'en-GB',
    });
    this.contexts.add(context);
    this.defer(async () => {
      this.contexts.delete(context);
      await context.close();
    });
    const watch = (page: Page) => page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
    context.pages().forEach(watch);
    context.on('page', watch);
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, profileDir };
  }

  async dispose(): Promise<void> {
    const errors: unknown[] = [];
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'end-to-end clean-up failed');
  }
}

/** Opens the console and signs in through its form, typing the test server's URL: one build serves every server. */
export async function signIn(page: Page, consoleUrl: string, server: TestServer, email: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Service Desk' }).waitFor();
}

/** The name IndexedDB holds this agent's cache under (renderer/db/cache-db.ts `cacheName`). */
export const cacheName = (server: TestServer, agentId: string) => `switchboard:${server.host}:${agentId}`;

/** How many tickets the page's IndexedDB cache holds, read with raw IndexedDB (no Dexie). */
export function cachedTicketCount(page: Page, dbName: string): Promise<number> {
  return page.evaluate(
    async (name) => {
      // Opening a name that does not exist would create an empty database under the console's feet.
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
      return new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('tickets')) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction('tickets', 'readonly').objectStore('tickets').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      });
    },
    dbName,
  );
}

/** Saves a screenshot of the page as a test artifact (test-results/e2e/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** After a failed test, a screenshot of each page still open (test-results/e2e/failed-<test>-<n>.png), to see why. */
export function screenshotsOnFailure(pages: () => Page[]): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    let n = 0;
    for (const page of pages()) if (!page.isClosed()) await screenshot(page, `failed-${name}-${++n}`).catch(() => undefined);
  });
}
