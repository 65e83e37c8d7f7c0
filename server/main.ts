// `npm run server`: the reference ticket API on the command line. Flags and environment variables:
// --port (PORT), --host, --data (SWITCHBOARD_DATA), --database (DATABASE_URL), --seed demo|none,
// --tickets N, --articles N.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from './db/seed';
import { startServer } from './start';

const DEMO_LOGINS = ['agent@example.com', 'supervisor@example.com', 'tech@example.com', 'admin@example.com'];

function defaultDataDir(): string {
  const base = process.platform === 'win32'
    ? process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
    : process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Application Support')
      : process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'switchboard', 'server');
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    database: { type: 'string' },
    seed: { type: 'string' },
    tickets: { type: 'string' },
    articles: { type: 'string' },
  },
});

const positive = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${text}"`);
  return n;
};

async function main() {
  const port = positive(values.port ?? process.env.PORT, 'port') ?? 4010;
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const databaseUrl = values.database ?? process.env.DATABASE_URL;
  const dataDir = values.data ?? process.env.SWITCHBOARD_DATA ?? defaultDataDir();
  const seed = values.seed ?? 'auto';
  if (seed !== 'demo' && seed !== 'none' && seed !== 'auto') throw new Error('--seed must be demo, none or auto (demo data when the database is empty)');
  // Ctrl+C while the database starts still ends the process cleanly.
  let app: Awaited<ReturnType<typeof startServer>>['app'] | null = null;
  const stop = async () => {
    console.log('Shutting down…');
    await app?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const started = await startServer({
    databaseUrl, dataDir, seed,
    tickets: positive(values.tickets, 'tickets'),
    articles: positive(values.articles, 'articles'),
    alertsKey: process.env.SWITCHBOARD_ALERTS_KEY,
    logger: process.env.SWITCHBOARD_LOG === '1',
  });
  app = started.app;
  const { db } = started;
  const url = await app.listen({ port, host });
  const storage = db.kind === 'postgres' ? `PostgreSQL (${new URL(databaseUrl ?? '').host})` : `PGlite in ${dataDir}`;
  console.log(`Switchboard server on ${url}/api/v1 — storage: ${storage}`);
  const logins = await db.query<{ email: string }>('SELECT email FROM credentials WHERE email = ANY($1::text[])', [DEMO_LOGINS]);
  if (logins.length > 0) console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${logins.map((l) => l.email).sort().join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`switchboard server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
