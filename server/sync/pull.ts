// Pull: the current state of every row changed after the cursor that the caller may see, in change order.
// A row the caller may not see (another desk, or deleted) that changed after the caller's bootstrap began
// comes as a delete: the caller may hold an older copy of it. Rows that have not changed since the
// bootstrap began and are invisible are skipped, since the caller never received them.
import type { Agent } from '../../shared/schemas/entities';
import { desksOf } from '../../shared/rules/permissions';
import type { Sql } from '../db/database';
import { DELETE_JSON, PUT_JSON, jsonBytes } from './change-json';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import type { PreparedPage } from './read-ahead';

type PulledPiece = { changes: string; rows: number; last: string };

const visible = (desks: string) => `(NOT deleted AND (desk IS NULL OR desk = 'both' OR desk = ANY(${desks}::text[])))`;

/** Answers a pull as ready JSON bytes (row data stays the text PostgreSQL stored, never re-parsed), with its next cursor. */
export async function pull(sql: Sql, epoch: string, agent: Agent, cursorText: string | undefined, limit: number): Promise<PreparedPage> {
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
  // The page's JSON is assembled by the database (change-json.ts) in pieces of up to 256 change numbers:
  // a few dozen values instead of thousands of rows for the driver to parse, yet none so big that the
  // driver has to grow one buffer for megabytes of text (fresh memory that costs more than the copying).
  // Rows are aggregated in the order the index gives them: an ORDER BY inside the aggregate would sort
  // the page's text once more, and a window function to count past the limit would copy it again.
  const eligible = `change_id > $1 AND (${visible('$2')} OR change_id > $3)`;
  const pieces = await sql.query<PulledPiece>(
    `SELECT string_agg(CASE WHEN visible AND data IS NOT NULL THEN ${PUT_JSON} ELSE ${DELETE_JSON} END, ',') AS changes,
            count(*)::int AS rows, max(change_id)::text AS last
       FROM (SELECT entity, id, data, change_id, ${visible('$2')} AS visible
               FROM entities WHERE ${eligible} ORDER BY change_id LIMIT $4) AS page
      GROUP BY change_id / 256 ORDER BY change_id / 256`,
    [cursor.after, desks, cursor.start, limit],
  );
  const rows = pieces.reduce((n, p) => n + Number(p.rows), 0);
  const after = pieces.length > 0 ? Number(pieces.at(-1)?.last) : cursor.after;
  // A short page is the last one; a full one is the last only when no eligible row follows it.
  const hasMore = rows === limit
    && (await sql.query(`SELECT 1 FROM entities WHERE ${eligible} LIMIT 1`, [after, desks, cursor.start])).length > 0;
  // Past the bootstrap the estimate is a real count of the (small) rest.
  let remaining = Math.max(0, cursor.remaining - rows);
  if (!hasMore) remaining = 0;
  else if (after >= cursor.start) {
    const [rest] = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM entities WHERE change_id > $1', [after]);
    remaining = Number(rest?.n ?? 0);
  }
  const next = encodeCursor({ epoch, after, start: cursor.start, remaining });
  const body = jsonBytes(['{"changes":[', ...pieces.flatMap((p, i) => (i === 0 ? [p.changes] : [',', p.changes])),
    `],"cursor":"${next}","hasMore":${hasMore},"remaining":${remaining}}`]);
  return { body, cursor: next, hasMore };
}
