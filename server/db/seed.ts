// Writes generated demo data in bulk: a few thousand rows per statement,
// so 100,000 tickets take seconds. Every row gets its change number, as if pushed.
import type { DemoData } from '../demo/index';
import type { Put } from '../../shared/rules/outcome';
import { hashPassword } from '../auth/passwords';
import { lockChanges, prepareRows, writeRows } from '../sync/entity-store';
import type { Database, Sql } from './database';

export const DEMO_PASSWORD = 'demo';
const CHUNK = 2_000;

export async function seedDemo(db: Database, data: DemoData): Promise<void> {
  const ticketDesks = new Map(data.tickets.map((t) => [t.id, t.desk]));
  const puts: Put[] = [
    ...data.organizations.map((data): Put => ({ entity: 'organization', id: data.id, op: 'put', data })),
    ...data.groups.map((data): Put => ({ entity: 'group', id: data.id, op: 'put', data })),
    ...data.shifts.map((data): Put => ({ entity: 'shift', id: data.id, op: 'put', data })),
    ...data.agents.map((data): Put => ({ entity: 'agent', id: data.id, op: 'put', data })),
    ...data.articles.map((data): Put => ({ entity: 'article', id: data.id, op: 'put', data })),
    ...data.tickets.map((data): Put => ({ entity: 'ticket', id: data.id, op: 'put', data })),
    ...data.comments.map((data): Put => ({ entity: 'comment', id: data.id, op: 'put', data })),
    ...data.worklogs.map((data): Put => ({ entity: 'worklog', id: data.id, op: 'put', data })),
  ];
  // One hash for every demo login: they share the documented password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await lockChanges(tx);
    const indexes = await deferIndexes(tx, puts.length);
    // The next chunk is prepared while the database writes the last one (PostgreSQL works in a process
    // of its own; PGlite shares this thread, where the two simply take turns).
    let writing: Promise<void> | null = null;
    for (let i = 0; i < puts.length; i += CHUNK) {
      const rows = prepareRows(puts.slice(i, i + CHUNK), (id) => ticketDesks.get(id));
      await writing;
      writing = writeRows(tx, rows);
    }
    await writing;
    for (const definition of indexes) await tx.query(definition);
    for (const agent of data.agents) {
      await tx.query('INSERT INTO credentials (agent_id, email, password_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [agent.id, agent.email.toLowerCase(), passwordHash]);
    }
    // New tickets continue the demo's numbering.
    for (const [desk, sequence, prefix] of [['service', 'service_key_seq', 'SD-'], ['help', 'help_key_seq', 'HD-']] as const) {
      const numbers = data.tickets.filter((t) => t.desk === desk && t.key?.startsWith(prefix)).map((t) => Number(t.key?.slice(3)));
      if (numbers.length > 0) await tx.query(`SELECT setval('${sequence}', $1)`, [numbers.reduce((a, b) => Math.max(a, b), 0)]);
    }
  });
}

/**
 * Loading many rows into a table that holds few, builds its secondary indexes once at the end instead
 * of updating them row by row: drops them and returns their definitions to run after the load, all
 * in the seed's transaction. The primary key stays (upserts need it).
 */
async function deferIndexes(tx: Sql, loading: number): Promise<string[]> {
  const [held] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
  if (Number(held?.n ?? 0) >= loading) return [];
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'entities'::regclass AND NOT i.indisprimary ORDER BY c.relname`,
  );
  for (const index of indexes) await tx.query(`DROP INDEX "${index.name}"`);
  return indexes.map((index) => index.definition);
}

export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM credentials LIMIT 1`);
  return rows.length === 0;
}
