// The product's own commands, as a new user runs them: `npm run web` (and `npm start` where the Electron
// binary cannot be had) starts the reference server on a fresh PGlite folder with demo data, builds and
// serves the console, and a browser can sign in to it with the demo login; Ctrl+C stops everything.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeInChromium, PASSWORD, ROOT, screenshot, startChild, World } from './harness';

/**
 * Whether the Electron package holds its binary (path.txt names it inside dist/). Read from the files:
 * requiring `electron` where the binary is missing starts a download.
 */
function electronInstalled(): boolean {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')));
}

const NO_ELECTRON_LINE = 'The Electron binary is not installed here';

describeInChromium('the product commands', () => {
  const world = new World();
  afterAll(() => world.dispose());

  async function runProduct(args: string[]) {
    const data = await mkdtemp(join(tmpdir(), 'switchboard-launch-data-'));
    // PORT and WEB_PORT 0: free ports, so the test never collides with a product a developer is running.
    const product = await startChild(['electron/launch/start.ts', ...args], /open (http:\/\/\S+) in your browser/, 'the product', 300_000, {
      PORT: '0', WEB_PORT: '0', SWITCHBOARD_DATA: data,
    });
    return { ...product, data };
  }

  it('npm run web: the demo server and the console a browser signs in to with the demo login; Ctrl+C stops both', async () => {
    const product = await runProduct(['--web']);
    try {
      const consoleUrl = product.match[1]!;
      const serverUrl = /Switchboard server on (http:\/\/\S+)\/api\/v1/.exec(product.output())?.[1];
      expect(serverUrl, product.output()).toBeDefined();
      expect(product.output()).toMatch(/PGlite/);

      const { page } = await world.launch();
      await page.goto(consoleUrl);
      // The build bakes the server it started in, so a new user only types the demo login.
      expect(await page.getByLabel('Server URL').inputValue()).toBe(serverUrl);
      await page.getByLabel('E-mail').fill('agent@example.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const queue = page.getByRole('region', { name: 'Service Desk', exact: true });
      await expect.poll(() => queue.getByRole('row').filter({ hasText: /SD-\d+/ }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await screenshot(page, 'launch-web-console');

      // Ctrl+C: the launcher and the server it started end, and the ports are free again.
      product.child.signal('SIGINT');
      const code = await Promise.race([product.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
      expect(code).toBe(0);
      await expect.poll(async () => fetch(`${serverUrl}/api/v1/health`).then(() => 'up', () => 'down'), { timeout: 15_000 }).toBe('down');
      await expect.poll(async () => fetch(consoleUrl).then(() => 'up', () => 'down'), { timeout: 15_000 }).toBe('down');
    } finally {
      await product.child.stop();
      await rm(product.data, { recursive: true, force: true });
    }
  }, 420_000);

  it.skipIf(electronInstalled())('npm start without the Electron binary says so in one line and serves the console to the browser', async () => {
    const product = await runProduct([]);
    try {
      const lines = product.output().split('\n').filter((l) => l.includes(NO_ELECTRON_LINE));
      expect(lines).toHaveLength(1);
      const res = await fetch(product.match[1]!);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    } finally {
      await product.child.stop();
      await rm(product.data, { recursive: true, force: true });
    }
  }, 420_000);
});
