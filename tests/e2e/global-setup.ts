// Builds the web console once for the whole end-to-end run, into a temporary folder removed afterwards.
// The bundle bakes no server URL: each test types its own server's URL into the sign-in form, so one
// build serves every test server.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built web console (empty when Chromium is absent and the suites are skipped). */
    consoleDir: string;
  }
}

function build(outDir: string): Promise<void> {
  const env = { ...process.env };
  delete env.VITE_SERVER_URL;
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/vite', ['build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

export default async function setup(project: TestProject) {
  if (!chromiumAvailable()) {
    project.provide('consoleDir', '');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-web-'));
  try {
    await build(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide('consoleDir', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
