// Reads and writes of the synced rows. Every write takes the change-number lock first, so change numbers
// become visible in the order they were taken and a pull never skips one (DESIGN.md, sync rule 4).
import type { Put } from '../../shared/rules/outcome';
import type { EntityName } from '../../shared/protocol/sync';
import type { Agent, Article, Organization } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { isOpenStatus } from '../../shared/rules/status';
import type { Sql } from '../db/database';
import { asciiJsonList } from './change-json';

const CHANGE_LOCK = 7_001;

/** Call first in every transaction that writes synced rows; held until commit. */
/** The last change number written (under the change lock: the head as this transaction leaves it). */
export async function currentHead(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ head: string }>('SELECT coalesce(max(change_id), 0)::text AS head FROM entities');
  return Number(row?.head ?? 0);
}

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
    // Reference rows, the roster included: every agent sees who works when.
    default: return { desk: null, ticketId: null };
  }
}

type TicketColumns = { open: boolean; assignee_id: string | null; priority: string; due_at: string | null; fingerprint: string | null };

/** The ticket fields kept in columns of their own, for the server's queries. */
export function ticketColumns(ticket: Ticket): TicketColumns {
  return {
    open: isOpenStatus(ticket.status),
    assignee_id: ticket.assigneeId,
    priority: ticket.priority,
    due_at: ticket.sla.resolutionDueAt,
    fingerprint: ticket.desk === 'service' ? (ticket.alert?.fingerprint ?? null) : null,
  };
}

/** Rows ready for writeRows: their data texts and their other columns, each as one JSON array. */
export type PreparedRows = { count: number; columns: string; data: string };

/**
 * Prepares puts for writeRows. Apart from the writing, so a bulk load can prepare the next batch while
 * the database writes the last one. The data texts are joined as they are, not nested as strings in the
 * other columns' JSON: then every quote in them would be escaped here and unescaped by the database.
 */
export function prepareRows(puts: readonly Put[], ticketDesk: (ticketId: string) => string | undefined): PreparedRows {
  // Each row's columns as a small array, in the order the INSERT below reads them: arrays of plain
  // values stringify several times faster than objects of varying shape.
  const columns = puts.map((put) => {
    const { desk, ticketId } = deskOf(put, ticketDesk);
    const t = put.entity === 'ticket' ? ticketColumns(put.data) : null;
    return [put.entity, put.id, desk, ticketId, t?.open ?? null, t?.assignee_id ?? null, t?.priority ?? null, t?.due_at ?? null, t?.fingerprint ?? null];
  });
  return { count: puts.length, columns: JSON.stringify(columns), data: asciiJsonList(puts.map((put) => put.data)) };
}

/** Upserts rows in bulk, numbering their changes in the order given. Call under lockChanges. */
export async function writeRows(tx: Sql, rows: PreparedRows): Promise<void> {
  if (rows.count === 0) return;
  await tx.query(
    `INSERT INTO entities (entity, id, data, desk, ticket_id, open, assignee_id, priority, due_at, fingerprint, change_id)
     SELECT r->>0, (r->>1)::uuid, data, r->>2, (r->>3)::uuid, (r->>4)::boolean, (r->>5)::uuid, r->>6, r->>7, r->>8, nextval('change_seq')
       FROM ROWS FROM (jsonb_array_elements($1::jsonb), json_array_elements(('[' || $2::text || ']')::json)) WITH ORDINALITY AS e(r, data, n)
      ORDER BY e.n
     ON CONFLICT (entity, id) DO UPDATE SET data = EXCLUDED.data, desk = EXCLUDED.desk, ticket_id = EXCLUDED.ticket_id,
       open = EXCLUDED.open, assignee_id = EXCLUDED.assignee_id, priority = EXCLUDED.priority, due_at = EXCLUDED.due_at,
       fingerprint = EXCLUDED.fingerprint, change_id = EXCLUDED.change_id, deleted = false`,
    [rows.columns, rows.data],
  );
}

export async function writePuts(tx: Sql, puts: readonly Put[], ticketDesk: (ticketId: string) => string | undefined): Promise<void> {
  await writeRows(tx, prepareRows(puts, ticketDesk));
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
