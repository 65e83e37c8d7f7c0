// One small interface over the two storages. Both speak PostgreSQL, so the same migrations and the same
// SQL serve the embedded PGlite (zero set-up) and a real PostgreSQL shared by several server processes.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async <T extends Row>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    transaction: (work) => db.transaction((tx) => work({ query: async <T extends Row>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows })),
    exec: async (script) => void (await db.exec(script)),
    listen: async (channel, onMessage) => {
      const stop = await db.listen(channel, onMessage);
      return async () => stop();
    },
    notify: async (channel, payload) => void (await db.query('SELECT pg_notify($1, $2)', [channel, payload])),
    close: () => db.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the database closes (a restart, a dropped database) must not crash the process.
  pool.on('error', () => undefined);
  // Fail fast with a clear message when the database is unreachable.
  await pool.query('SELECT 1');
  const listeners: pg.PoolClient[] = [];
  return {
    kind: 'postgres',
    query: async <T extends Row>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <T extends Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => void (await pool.query(script)),
    async listen(channel, onMessage) {
      // A dedicated connection: LISTEN lives as long as the session that issued it.
      const client = await pool.connect();
      listeners.push(client);
      client.on('notification', (msg) => {
        if (msg.channel === channel && msg.payload !== undefined) onMessage(msg.payload);
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        const index = listeners.indexOf(client);
        if (index < 0) return; // the pool was closed first and released it
        listeners.splice(index, 1);
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        client.release();
      };
    },
    notify: async (channel, payload) => void (await pool.query('SELECT pg_notify($1, $2)', [channel, payload])),
    async close() {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}
