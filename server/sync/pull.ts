// Pull: the current state of every row changed after the cursor that the caller may see, in change order.
// A row the caller may not see (another desk, or deleted) that changed after the caller's bootstrap began
// comes as a delete: the caller may hold an older copy of it. Rows that have not changed since the
// bootstrap began and are invisible are skipped, since the caller never received them.
import type { Agent } from '../../shared/schemas/entities';
import { desksOf } from '../../shared/rules/permissions';
import type { Sql } from '../db/database';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';

type PulledRow = { entity: string; id: string; data: string | null; change_id: string; visible: boolean };

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
  const rows = await sql.query<PulledRow>(
    `SELECT entity, id::text, data::text AS data, change_id::text AS change_id, ${visible('$2')} AS visible
       FROM entities WHERE change_id > $1 AND (${visible('$2')} OR change_id > $3)
      ORDER BY entities.change_id LIMIT $4`,
    [cursor.after, desks, cursor.start, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const after = last ? Number(last.change_id) : cursor.after;
  // Past the bootstrap the estimate is a real count of the (small) rest.
  let remaining = Math.max(0, cursor.remaining - page.length);
  if (!hasMore) remaining = 0;
  else if (after >= cursor.start) {
    const [rest] = await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM entities WHERE change_id > $1', [after]);
    remaining = Number(rest?.n ?? 0);
  }
  const changes = page.map((r) =>
    r.visible && r.data !== null
      ? `{"entity":"${r.entity}","id":"${r.id}","op":"put","data":${r.data}}`
      : `{"entity":"${r.entity}","id":"${r.id}","op":"delete"}`,
  );
  const next = encodeCursor({ epoch, after, start: cursor.start, remaining });
  return `{"changes":[${changes.join(',')}],"cursor":"${next}","hasMore":${hasMore},"remaining":${remaining}}`;
}
