// The first screen before the bootstrap ends: reference rows, the caller's own open tickets and the most
// urgent open tickets of each desk the caller sees, with their comments, in pull's change format.
import { desksOf } from '../../shared/rules/permissions';
import type { Agent } from '../../shared/schemas/entities';
import type { Sql } from '../db/database';
import { PUT_JSON, jsonBytes } from './change-json';

const OPEN = `entity = 'ticket' AND open AND NOT deleted`;

export async function slice(sql: Sql, agent: Agent, limit: number): Promise<Buffer> {
  const desks = desksOf(agent);
  const ids = (await sql.query<{ id: string }>(
    `SELECT id::text FROM entities WHERE ${OPEN} AND desk = ANY($1::text[]) AND assignee_id = $2
     UNION
     (SELECT id::text FROM entities WHERE ${OPEN} AND desk = 'service' AND 'service' = ANY($1::text[])
       ORDER BY priority, due_at LIMIT $3)
     UNION
     (SELECT id::text FROM entities WHERE ${OPEN} AND desk = 'help' AND 'help' = ANY($1::text[])
       ORDER BY priority, due_at LIMIT $3)`,
    [desks, agent.id, limit],
  )).map((r) => r.id);
  // The rows themselves leave the database as one value (change-json.ts). The ids go in as an array, so
  // the tickets are found by primary key and the comments through their ticket's index.
  const [result] = await sql.query<{ changes: string | null }>(
    `WITH rows AS (
       SELECT 1 AS part, entity, id, data FROM entities
        WHERE entity IN ('agent', 'group', 'shift', 'organization') AND NOT deleted
       UNION ALL SELECT 2, entity, id, data FROM entities WHERE entity = 'ticket' AND id = ANY($1::uuid[])
       UNION ALL SELECT 3, entity, id, data FROM entities WHERE entity = 'comment' AND NOT deleted AND ticket_id = ANY($1::uuid[])
     )
     SELECT string_agg(${PUT_JSON}, ',' ORDER BY part) AS changes FROM rows`,
    [ids],
  );
  return jsonBytes(['{"changes":[', result?.changes ?? '', ']}']);
}
