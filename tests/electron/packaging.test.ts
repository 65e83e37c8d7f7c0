// Packaging, offline: electron-vite builds main, preload and renderer (a stand-in renderer page when
// renderer/index.html does not exist yet), then electron-builder --linux dir packs them with a
// stand-in Electron distribution (the real binary cannot be downloaded here). The stand-in carries
// the fuse sentinel with every fuse set the *wrong* way, so the test proves electron-builder flipped them.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAsar } from './helpers/asar';

const run = promisify(execFile);
const repo = process.cwd();
const project = mkdtempSync(join(tmpdir(), 'sb-package-'));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order (v1): runAsNode, cookieEncryption, NODE_OPTIONS, inspect args, asar integrity, only-asar, v8 snapshot, file: privileges, wasm trap handlers. */
const WRONG_WIRE = '101100011';
const realRenderer = existsSync(join(repo, 'renderer', 'index.html'));

let asar: ReturnType<typeof readAsar>;
let fuseWire = '';

function writeStandInElectron(dir: string) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'),
    Buffer.alloc(32),
    Buffer.from(SENTINEL),
    Buffer.from([1, WRONG_WIRE.length]),
    Buffer.from(WRONG_WIRE),
    Buffer.alloc(32),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  for (const file of ['LICENSE', 'LICENSES.chromium.html', 'chrome-sandbox']) writeFileSync(join(dir, file), '');
  writeFileSync(join(dir, 'version'), '45.5.0');
}

function writeBuildConfig() {
  let renderer: string;
  if (!realRenderer) {
    const stub = join(project, 'stub-renderer');
    mkdirSync(stub, { recursive: true });
    writeFileSync(join(stub, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="./main.ts"></script>\n');
    writeFileSync(join(stub, 'main.ts'), "document.getElementById('root')!.textContent = 'stand-in renderer';\n");
    renderer = `root: ${JSON.stringify(stub)}, build: { ...base.renderer.build, outDir: ${JSON.stringify(join(project, 'out/renderer'))}, rolldownOptions: { input: { index: ${JSON.stringify(join(stub, 'index.html'))} } } },`;
  } else {
    renderer = `build: { ...base.renderer.build, outDir: ${JSON.stringify(join(project, 'out/renderer'))} },`;
  }
  const config = `import repoConfig from ${JSON.stringify(join(repo, 'electron.vite.config.ts'))};
const base = repoConfig as any;
export default {
  main: { ...base.main, build: { ...base.main.build, outDir: ${JSON.stringify(join(project, 'out/main'))} } },
  preload: { ...base.preload, build: { ...base.preload.build, outDir: ${JSON.stringify(join(project, 'out/preload'))} } },
  renderer: { ...base.renderer, ${renderer} },
};
`;
  writeFileSync(join(project, 'electron.vite.config.ts'), config);
}

beforeAll(async () => {
  symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'), 'dir');
  symlinkSync(join(repo, 'build'), join(project, 'build'), 'dir');
  cpSync(join(repo, 'package.json'), join(project, 'package.json'));
  cpSync(join(repo, 'electron-builder.yml'), join(project, 'electron-builder.yml'));
  writeStandInElectron(join(project, 'electron-dist'));
  writeBuildConfig();

  await run(process.execPath, [join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', join(project, 'electron.vite.config.ts'), '--logLevel', 'warn'], {
    cwd: repo,
    maxBuffer: 16 * 1024 * 1024,
  });
  await run(
    process.execPath,
    [join(repo, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--projectDir', project, `-c.electronDist=${join(project, 'electron-dist')}`, '--publish', 'never'],
    { cwd: project, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CI: 'true' } },
  );
  const unpacked = join(project, 'dist', 'linux-unpacked');
  asar = readAsar(join(unpacked, 'resources', 'app.asar'));
  const binary = readFileSync(join(unpacked, 'switchboard'));
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  fuseWire = binary.subarray(at + 2, at + 2 + (binary[at + 1] ?? 0)).toString('ascii');
}, 240_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe(`packaging (electron-builder --linux dir, ${realRenderer ? 'real' : 'stand-in'} renderer)`, () => {
  it('the asar holds main, the CommonJS preload and the renderer', () => {
    const files = asar.list();
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files).toContain('/package.json');
    expect(JSON.parse(asar.read('/package.json').toString())).toMatchObject({ main: 'out/main/index.js', productName: 'Switchboard' });
  });

  it('packs no node_modules and nothing outside out/ (dev-only and server packages stay out)', () => {
    const files = asar.list();
    expect(files.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(files.filter((file) => !file.startsWith('/out/') && file !== '/package.json')).toEqual([]);
    const main = asar.read('/out/main/index.js').toString();
    // Runtime dependencies are bundled into main instead of being required from node_modules.
    expect(main).not.toMatch(/from ["'](electron-store|zod|conf)["']/);
    expect(main).not.toMatch(/require\(["'](electron-store|zod)["']\)/);
  });

  it('the preload is CommonJS requiring only electron', () => {
    const preload = asar.read('/out/preload/index.cjs').toString();
    expect(preload).toMatch(/require\(["']electron["']\)/);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
  });

  it('flips the fuses: runAsNode off, cookie encryption on, NODE_OPTIONS and inspect off, asar integrity on, asar only, no extra file: privileges', () => {
    expect(fuseWire.slice(0, 6)).toBe('010011');
    expect(fuseWire[7]).toBe('0');
  });
});
