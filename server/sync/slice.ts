// The first screen before the bootstrap ends: reference rows, the caller's own open tickets and the most
// urgent open tickets of each desk the caller sees, with their comments, in pull's change format.
import { desksOf } from '../../shared/rules/permissions';
import type { Agent } from '../../shared/schemas/entities';
import type { Sql } from '../db/database';

const OPEN = `entity = 'ticket' AND open AND NOT deleted`;

export async function slice(sql: Sql, agent: Agent, limit: number): Promise<string> {
  const desks = desksOf(agent);
  const reference = await sql.query<{ entity: string; id: string; data: string }>(
    `SELECT entity, id::text, data::text AS data FROM entities WHERE entity IN ('agent', 'group', 'shift', 'organization') AND NOT deleted`,
  );
  const tickets = await sql.query<{ entity: string; id: string; data: string }>(
    `SELECT entity, id::text, data::text AS data FROM entities WHERE ${OPEN} AND desk = ANY($1::text[]) AND assignee_id = $2
     UNION
     (SELECT entity, id::text, data::text AS data FROM entities WHERE ${OPEN} AND desk = 'service' AND 'service' = ANY($1::text[])
       ORDER BY priority, due_at LIMIT $3)
     UNION
     (SELECT entity, id::text, data::text AS data FROM entities WHERE ${OPEN} AND desk = 'help' AND 'help' = ANY($1::text[])
       ORDER BY priority, due_at LIMIT $3)`,
    [desks, agent.id, limit],
  );
  const comments = await sql.query<{ entity: string; id: string; data: string }>(
    `SELECT entity, id::text, data::text AS data FROM entities WHERE entity = 'comment' AND NOT deleted AND ticket_id = ANY($1::uuid[])`,
    [tickets.map((t) => t.id)],
  );
  const changes = [...reference, ...tickets, ...comments].map((r) => `{"entity":"${r.entity}","id":"${r.id}","op":"put","data":${r.data}}`);
  return `{"changes":[${changes.join(',')}]}`;
}
