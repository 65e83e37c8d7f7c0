// The app:// handler serves the renderer folder and refuses every way out of it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/main/security/app-protocol';

const base = mkdtempSync(join(tmpdir(), 'sb-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
writeFileSync(join(base, 'secret.txt'), 'refresh-token-on-disk');

afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler({ rootDir: root, readFile: (path) => readFile(path), contentSecurityPolicy: () => "default-src 'none'" });

async function fetchApp(url: string) {
  const response = await handler({ url, method: 'GET' });
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy') };
}

describe('app:// protocol', () => {
  it('serves the console with its CSP and MIME types', async () => {
    const page = await fetchApp('app://console/index.html');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: "default-src 'none'" });
    expect(page.body).toContain('console');
    const script = await fetchApp('app://console/assets/app.js?v=1');
    expect(script).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log("app")' });
  });

  it('gives client-side routes and the bare origin the single page', async () => {
    expect((await fetchApp('app://console/')).body).toContain('console');
    expect((await fetchApp('app://console/tickets/SD-1042')).body).toContain('console');
  });

  it.each([
    'app://console/../secret.txt',
    'app://console/assets/../../secret.txt',
    'app://console/%2e%2e/secret.txt',
    'app://console/%2E%2E/secret.txt',
    'app://console/.%2e/secret.txt',
    'app://console/%252e%252e/secret.txt',
    'app://console/..%2fsecret.txt',
    'app://console/..%5csecret.txt',
    'app://console/..\\secret.txt',
    'app://console/assets\\..\\..\\secret.txt',
    `app://console//${base}/secret.txt`,
    'app://console//etc/passwd',
    'app://console/C:/Windows/win.ini',
    'app://console/%00index.html',
    'app://other-host/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
    const answer = await fetchApp(url);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('refresh-token-on-disk');
  });

  it('a missing file is a 404, and only GET/HEAD are served', async () => {
    expect((await fetchApp('app://console/assets/missing.js')).status).toBe(404);
    expect((await handler({ url: 'app://console/index.html', method: 'POST' })).status).toBe(405);
  });
});
