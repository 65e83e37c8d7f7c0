// `npm start` and `npm run web`: the whole product from one command. Starts the reference server (PGlite,
// demo data on first run), then launches the Electron console signed in to it, or, where the Electron
// binary cannot be had, says so in one line and serves the same console to the browser. Ctrl+C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { serveStatic } from './static-server';

const mode = process.argv.includes('--web') ? 'web' : 'desktop';
const serverPort = Number(process.env.PORT ?? 4010);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const children: ChildProcess[] = [];
const bin = (name: string) => `node_modules/.bin/${name}${process.platform === 'win32' ? '.cmd' : ''}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

function startServer(): Promise<string> {
  // Node with the tsx loader, not the tsx CLI: the CLI relays signals through a process of its own,
  // which under load gives up after 30 ms and kills the server instead of letting it shut down.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(serverPort)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const match = /Switchboard server on (\S+)\/api\/v1/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
}

/** The Electron binary's path, or null where it was never downloaded (no route to its host). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function web(serverUrl: string) {
  await run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { VITE_SERVER_URL: serverUrl });
  const url = await serveStatic('out/web', webPort);
  console.log(`Switchboard console: open ${url} in your browser (log in as agent@example.com / demo).`);
}

async function main() {
  const stop = () => {
    for (const child of children) child.kill('SIGINT');
    process.exit(0);
  };
  // `on`, not `once`: a second Ctrl+C while stopping must not end the launcher as killed (exit 130).
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const serverUrl = await startServer();
  const electron = mode === 'desktop' ? electronBinary() : null;
  if (mode === 'desktop' && !electron) {
    console.log('The Electron binary is not installed here (its download host is unreachable), so the console is served to your browser instead.');
  }
  if (!electron) return web(serverUrl);
  await run(bin('electron-vite'), ['build']);
  const app = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl } });
  children.push(app);
  app.on('exit', stop);
}

main().catch((error: unknown) => {
  console.error(`switchboard: ${error instanceof Error ? error.message : String(error)}`);
  for (const child of children) child.kill('SIGINT');
  process.exit(1);
});
