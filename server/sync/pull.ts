// Pull: the current state of every row changed after the cursor that the caller may see, in change order.
// A row the caller may not see (another desk, or deleted) that changed after the caller's bootstrap began
// comes as a delete: the caller may hold an older copy of it. Rows that have not changed since the
// bootstrap began and are invisible are skipped, since the caller never received them.
import type { Agent } from '../../shared/schemas/entities';
import { desksOf } from '../../shared/rules/permissions';
import type { Sql } from '../db/database';
import { DELETE_JSON, PUT_JSON } from './change-json';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';

type PulledPage = { changes: string; rows: number; has_more: boolean; last: string | null };

const visible = (desks: string) => `(NOT deleted AND (desk IS NULL OR desk = 'both' OR desk = ANY(${desks}::text[])))`;

/** Answers a pull as a ready JSON string: row data stays the text PostgreSQL stored, never re-parsed. */
export async function pull(sql: Sql, epoch: string, agent: Agent, cursorText: string | undefined, limit: number): Promise<string> {
  const desks = desksOf(agent);
  let cursor: Cursor;
  if (cursorText === undefined) {
    const [head] = await sql.query<{ start: string; total: string }>(
      `SELECT coalesce(max(change_id), 0)::text AS start, count(*) FILTER (WHERE ${visible('$1')})::text AS total FROM entities`,
      [desks],
    );
    cursor = { epoch, after: 0, start: Number(head?.start ?? 0), remaining: Number(head?.total ?? 0) };
  } else {
    cursor = decodeCursor(cursorText, epoch);
  }
  // The page's JSON is assembled by the database (change-json.ts); one query, one value back.
  const [page] = await sql.query<PulledPage>(
    `WITH page AS (
       SELECT entity, id, data, change_id, ${visible('$2')} AS visible
         FROM entities WHERE change_id > $1 AND (${visible('$2')} OR change_id > $3)
        ORDER BY change_id LIMIT $4 + 1
     ), numbered AS (SELECT *, row_number() OVER (ORDER BY change_id) AS n FROM page)
     SELECT coalesce(string_agg(
              CASE WHEN visible AND data IS NOT NULL THEN ${PUT_JSON} ELSE ${DELETE_JSON} END,
              ',' ORDER BY change_id) FILTER (WHERE n <= $4), '') AS changes,
            count(*) FILTER (WHERE n <= $4)::int AS rows,
            (count(*) > $4) AS has_more,
            max(change_id) FILTER (WHERE n <= $4)::text AS last
       FROM numbered`,
    [cursor.after, desks, cursor.start, limit],
  );
  const hasMore = page?.has_more === true;
  const after = page?.last ? Number(page.last) : cursor.after;
  // Past the bootstrap the estimate is a real count of the (small) rest.
  let remaining = Math.max(0, cursor.remaining - Number(page?.rows ?? 0));
  if (!hasMore) remaining = 0;
  else if (after >= cursor.start) {
    const [rest] = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM entities WHERE change_id > $1', [after]);
    remaining = Number(rest?.n ?? 0);
  }
  const next = encodeCursor({ epoch, after, start: cursor.start, remaining });
  return `{"changes":[${page?.changes ?? ''}],"cursor":"${next}","hasMore":${hasMore},"remaining":${remaining}}`;
}
