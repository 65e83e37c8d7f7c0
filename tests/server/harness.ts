// A real server over real HTTP for each storage: PGlite in memory, and a fresh PostgreSQL database on
// 127.0.0.1:5432 that is dropped afterwards. Without PostgreSQL on a developer's machine those suites
// are skipped and say so; in CI (CI=true) its absence is a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type StartOptions } from '../../server/start';

export const ADMIN_URL = process.env.SWITCHBOARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const DEMO_NOW = new Date('2026-11-20T10:00:00Z');

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const reachable = await postgresReachable();
if (!reachable && process.env.CI) throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}, and CI needs it`);
if (!reachable) console.warn(`PostgreSQL is not reachable at ${ADMIN_URL}: the PostgreSQL suites are skipped`);

export type Storage = 'pglite' | 'postgres';
export const STORAGES: Storage[] = reachable ? ['pglite', 'postgres'] : ['pglite'];

/** A new empty PostgreSQL database; returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `switchboard_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export async function startTestServer(storage: Storage, options: Partial<StartOptions> & { databaseUrl?: string } = {}) {
  const pgDb = storage === 'postgres' && !options.databaseUrl ? await createPostgresDatabase() : null;
  let clock = options.now ?? (() => new Date());
  const { app, db } = await startServer({
    seed: 'demo',
    tickets: 120,
    articles: 20,
    ...options,
    now: () => clock(),
    databaseUrl: options.databaseUrl ?? pgDb?.url,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${base}/api/v1`;

  async function call(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${url}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: parseJson(text) as any, text }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async function login(email: string, password = 'demo') {
    const res = await call('POST', '/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
    return res.json as { accessToken: string; refreshToken: string; agent: { id: string; role: string; desks: string[] } };
  }

  return {
    url,
    app,
    db,
    call,
    login,
    setClock(next: () => Date) {
      clock = next;
    },
    /** URL of the PostgreSQL database this server uses, for a second process on it. */
    databaseUrl: pgDb?.url,
    async close() {
      await app.close();
      await pgDb?.drop();
    },
  };
}
