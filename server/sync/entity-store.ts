// Reads and writes of the synced rows. Every write takes the change-number lock first, so change numbers
// become visible in the order they were taken and a pull never skips one (DESIGN.md, sync rule 4).
import type { Put } from '../../shared/rules/outcome';
import type { EntityName } from '../../shared/protocol/sync';
import type { Agent, Article, Organization } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import type { Sql } from '../db/database';

const CHANGE_LOCK = 7_001;

/** Call first in every transaction that writes synced rows; held until commit. */
export async function lockChanges(tx: Sql): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
}

/** Which desk a row belongs to, for pull visibility; null = every agent sees it. */
export function deskOf(put: Put, ticketDesk: (ticketId: string) => string | undefined): { desk: string | null; ticketId: string | null } {
  switch (put.entity) {
    case 'ticket': return { desk: put.data.desk, ticketId: null };
    case 'comment': case 'worklog': case 'attachment':
      return { desk: ticketDesk(put.data.ticketId) ?? null, ticketId: put.data.ticketId };
    case 'article': return { desk: put.data.desk, ticketId: null };
    default: return { desk: null, ticketId: null };
  }
}

export async function writePuts(tx: Sql, puts: readonly Put[], ticketDesk: (ticketId: string) => string | undefined): Promise<void> {
  for (const put of puts) {
    const { desk, ticketId } = deskOf(put, ticketDesk);
    await tx.query(
      `INSERT INTO entities (entity, id, data, desk, ticket_id, change_id, deleted)
       VALUES ($1, $2, $3, $4, $5, nextval('change_seq'), false)
       ON CONFLICT (entity, id) DO UPDATE SET data = EXCLUDED.data, desk = EXCLUDED.desk,
         ticket_id = EXCLUDED.ticket_id, change_id = EXCLUDED.change_id, deleted = false`,
      [put.entity, put.id, JSON.stringify(put.data), desk, ticketId],
    );
  }
}

export async function getOne<T>(sql: Sql, entity: EntityName, id: string): Promise<T | null> {
  const rows = await sql.query<{ data: T }>('SELECT data FROM entities WHERE entity = $1 AND id = $2 AND NOT deleted', [entity, id]);
  return rows[0]?.data ?? null;
}

export async function exists(sql: Sql, entity: EntityName, id: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM entities WHERE entity = $1 AND id = $2', [entity, id])).length > 0;
}

export async function getMany<T>(sql: Sql, entity: EntityName, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ data: T }>('SELECT data FROM entities WHERE entity = $1 AND id = ANY($2::uuid[]) AND NOT deleted', [entity, ids]);
  return rows.map((r) => r.data);
}

export async function allOf<T>(sql: Sql, entity: 'agent' | 'organization' | 'group' | 'shift'): Promise<T[]> {
  return (await sql.query<{ data: T }>('SELECT data FROM entities WHERE entity = $1 AND NOT deleted', [entity])).map((r) => r.data);
}

export const agents = (sql: Sql) => allOf<Agent>(sql, 'agent');
export const organizations = (sql: Sql) => allOf<Organization>(sql, 'organization');
export const ticket = (sql: Sql, id: string) => getOne<Ticket>(sql, 'ticket', id);
export const article = (sql: Sql, id: string) => getOne<Article>(sql, 'article', id);

/** Open tickets assigned to any of these agents (a shift handover's candidates). */
export async function openTicketsOf(sql: Sql, agentIds: readonly string[]): Promise<Ticket[]> {
  if (agentIds.length === 0) return [];
  const rows = await sql.query<{ data: Ticket }>(
    `SELECT data FROM entities WHERE entity = 'ticket' AND NOT deleted AND data->>'assigneeId' = ANY($1::text[])
       AND data->>'status' NOT IN ('resolved', 'closed')`,
    [agentIds],
  );
  return rows.map((r) => r.data);
}
