// Reads and writes of the synced rows. Every write takes the change-number lock first, so change numbers
// become visible in the order they were taken and a pull never skips one (DESIGN.md, sync rule 4).
import type { Put } from '../../shared/rules/outcome';
import type { EntityName } from '../../shared/protocol/sync';
import type { Agent, Article, Organization } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { isOpenStatus } from '../../shared/rules/status';
import type { Sql } from '../db/database';
import { asciiJson } from './change-json';

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
    // Reference rows, the roster included: every agent sees who works when.
    default: return { desk: null, ticketId: null };
  }
}

export type EntityRow = { entity: string; id: string; data: string; desk: string | null; ticket_id: string | null } & Partial<TicketColumns>;
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

/** Upserts rows in bulk, numbering their changes in the order given. Call under lockChanges. */
export async function writeRows(tx: Sql, rows: readonly EntityRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO entities (entity, id, data, desk, ticket_id, open, assignee_id, priority, due_at, fingerprint, change_id)
     SELECT r->>'entity', (r->>'id')::uuid, (r->>'data')::json, r->>'desk', (r->>'ticket_id')::uuid,
            (r->>'open')::boolean, (r->>'assignee_id')::uuid, r->>'priority', r->>'due_at', r->>'fingerprint', nextval('change_seq')
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY e.n
     ON CONFLICT (entity, id) DO UPDATE SET data = EXCLUDED.data, desk = EXCLUDED.desk, ticket_id = EXCLUDED.ticket_id,
       open = EXCLUDED.open, assignee_id = EXCLUDED.assignee_id, priority = EXCLUDED.priority, due_at = EXCLUDED.due_at,
       fingerprint = EXCLUDED.fingerprint, change_id = EXCLUDED.change_id, deleted = false`,
    [JSON.stringify(rows)],
  );
}

export async function writePuts(tx: Sql, puts: readonly Put[], ticketDesk: (ticketId: string) => string | undefined): Promise<void> {
  if (puts.length === 0) return;
  await writeRows(tx, puts.map((put) => {
    const { desk, ticketId } = deskOf(put, ticketDesk);
    return { entity: put.entity, id: put.id, data: asciiJson(put.data), desk, ticket_id: ticketId, ...(put.entity === 'ticket' ? ticketColumns(put.data) : {}) };
  }));
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
