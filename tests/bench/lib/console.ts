// The console for the benchmarks: the web build (as `npm run web` makes it) pointed at the bench
// server, served from a temporary folder, opened in Debian's headless Chromium with a fresh profile.
// Beside it, two small page bundles of ours (tests/bench/page): probes (before the app loads) and tools.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../../../electron/launch/static-server';
import { freePort } from './server';
import { note } from './report';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Extra Chromium flags for a diagnosis (BENCH_CHROMIUM_ARGS, space-separated); printed when used. */
const EXTRA_FLAGS = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);

export type Workspace = { dir: string; webUrl: string; probes: string; cleanup(): Promise<void> };

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output.slice(-3000)}`))));
  });
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve('tests/bench/page', entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Builds the console for `serverUrl` into a temporary folder and serves it on a free port. */
export async function prepareConsole(serverUrl: string): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-web-'));
  const web = join(dir, 'web');
  const started = performance.now();
  await run(resolve('node_modules/.bin/vite'), ['build', '--config', 'renderer/vite.config.ts', '--outDir', web, '--emptyOutDir', '--logLevel', 'warn',
    // Readable function names in a profile (BENCH_NO_MINIFY=1).
    ...(process.env.BENCH_NO_MINIFY === '1' ? ['--minify', 'false'] : [])], { VITE_SERVER_URL: serverUrl });
  await mkdir(join(web, 'bench'), { recursive: true });
  await writeFile(join(web, 'bench', 'tools.js'), await bundle('tools.ts'));
  const probes = await bundle('probes.ts');
  if (EXTRA_FLAGS.length > 0) note(`chromium: extra flags ${EXTRA_FLAGS.join(' ')}`);
  note(`console: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const webUrl = await serveStatic(web, await freePort());
  return { dir, webUrl, probes, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type Console = { context: BrowserContext; page: Page; profile: string; close(): Promise<void> };

/** A browser of its own (a persistent context on a fresh profile) with the probes in every page. */
export async function openConsole(workspace: Workspace, name: string): Promise<Console> {
  const profile = join(workspace.dir, `profile-${name}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, '--enable-precise-memory-info', '--js-flags=--expose-gc', ...EXTRA_FLAGS],
    viewport: { width: 1600, height: 1000 },
    bypassCSP: true,
  });
  await context.addInitScript({ content: workspace.probes });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => note(`${name} page error: ${error.message}`));
  await page.goto(workspace.webUrl);
  return { context, page, profile, close: () => context.close() };
}

/**
 * How far this page's clock (performance.timeOrigin + performance.now()) is ahead of this process's,
 * in ms. Two browsers (or a page and its worker) do not agree on the wall-clock time to within a few
 * milliseconds, sometimes tens; a time taken in one page and a time taken in another are compared after
 * each is brought to this process's clock. Estimated from the round trip that took least time.
 */
export async function clockOffset(page: Page, rounds = 15): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < rounds; i++) {
    const before = performance.timeOrigin + performance.now();
    const pageTime = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
    const after = performance.timeOrigin + performance.now();
    if (after - before < best.rtt) best = { rtt: after - before, offset: pageTime - (before + after) / 2 };
  }
  return best.offset;
}

/** Calls `window.__bench.<fn>(…args)` (or `__benchTools`) in the page; arguments go as JSON. */
export function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`(${fn})(...${JSON.stringify(args)})`) as Promise<T>;
}
export const probe = <T>(page: Page, fn: string, ...args: unknown[]) => call<T>(page, `window.__bench.${fn}.bind(window.__bench)`, ...args);
export const tool = <T>(page: Page, fn: string, ...args: unknown[]) => call<T>(page, `window.__benchTools.${fn}.bind(window.__benchTools)`, ...args);

export async function loadTools(page: Page): Promise<void> {
  if (await page.evaluate('typeof window.__benchTools !== "undefined"')) return;
  await page.addScriptTag({ url: 'bench/tools.js' });
}

/** Fills the sign-in form; the click itself is left to the caller, who times it. */
export async function fillLogin(page: Page, serverUrl: string, email: string): Promise<void> {
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo');
}

export const cacheName = (serverUrl: string, agentId: string) => `switchboard:${new URL(serverUrl).host}:${agentId}`;

type StatusRecord = { t: number; state: string; done: number | null; total: number | null; bootstrapped: boolean; pending: number };

/** Waits for the worker's broadcast that the bootstrap is done; its record (page time). */
export async function waitBootstrapped(page: Page, timeoutMs: number, onProgress?: (done: number, total: number) => void): Promise<StatusRecord> {
  const until = Date.now() + timeoutMs;
  let reported = 0;
  while (Date.now() < until) {
    const statuses = await page.evaluate('window.__bench.statuses') as StatusRecord[];
    const done = statuses.find((s) => s.bootstrapped);
    if (done) return done;
    const last = [...statuses].reverse().find((s) => s.done !== null);
    if (last && onProgress && Date.now() - reported > 10_000) {
      reported = Date.now();
      onProgress(last.done!, last.total!);
    }
    const error = [...statuses].reverse().find((s) => s.state === 'error');
    if (error && statuses.at(-1) === error) note(`sync reported an error state at ${error.t.toFixed(0)} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the bootstrap did not finish in time');
}
