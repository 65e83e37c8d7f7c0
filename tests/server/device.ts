// A minimal console stand-in for server tests: numbers its mutations per device and pulls to the end.
import { randomUUID } from 'node:crypto';
import type { TestServer } from './harness';

export type Sent = { name: string; args: unknown; seq?: number; id?: string };

export function device(server: TestServer, token: string, clientId: string = randomUUID()) {
  let seq = 0;
  return {
    clientId,
    token,
    /** Pushes mutations numbered after the last one; returns the raw HTTP answer. */
    async push(...mutations: Sent[]) {
      const numbered = mutations.map((m) => ({ id: m.id ?? randomUUID(), seq: m.seq ?? ++seq, name: m.name, args: m.args, at: new Date().toISOString() }));
      const res = await server.call('POST', '/sync/push', { token, body: { clientId, schemaVersion: 1, mutations: numbered } });
      return { ...res, sent: numbered };
    },
    /** Pulls every page from `cursor` until hasMore is false; returns the rows by entity:id and the cursor. */
    async pullAll(cursor?: string, limit = 50) {
      const rows = new Map<string, unknown>();
      const deletes: string[] = [];
      let pages = 0;
      let remaining: number[] = [];
      for (;;) {
        const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
        const res = await server.call('GET', `/sync/pull?${q}`, { token });
        if (res.status !== 200) throw new Error(`pull ${res.status}: ${res.text}`);
        for (const c of res.json.changes) {
          if (c.op === 'put') rows.set(`${c.entity}:${c.id}`, c.data);
          else {
            rows.delete(`${c.entity}:${c.id}`);
            deletes.push(`${c.entity}:${c.id}`);
          }
        }
        cursor = res.json.cursor as string;
        pages++;
        remaining = [...remaining, res.json.remaining];
        if (!res.json.hasMore) break;
      }
      return { rows, deletes, cursor: cursor as string, pages, remaining };
    },
  };
}

/** The rows a pull should deliver to an agent of these desks, read straight from the database. */
export async function visibleRows(server: TestServer, desks: string[]): Promise<Map<string, unknown>> {
  const rows = await server.db.query<{ entity: string; id: string; data: unknown }>(
    `SELECT entity, id::text, data FROM entities WHERE NOT deleted AND (desk IS NULL OR desk = 'both' OR desk = ANY($1::text[]))`,
    [desks],
  );
  return new Map(rows.map((r) => [`${r.entity}:${r.id}`, r.data]));
}
