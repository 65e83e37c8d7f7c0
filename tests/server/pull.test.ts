// Pull over real HTTP on each storage: the bootstrap equals the database, pages resume from their cursor,
// increments carry only what changed, and rows leaving the caller's view come as deletes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareText } from '../../shared/rules/compare';
import { device, visibleRows } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

describe.each(STORAGES)('pull on %s', (storage) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(storage);
  });
  afterAll(async () => server?.close());

  it('a paged bootstrap holds exactly the rows the agent may see', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const pulled = await device(server, accessToken).pullAll(undefined, 97);
    const expected = await visibleRows(server, ['service', 'help']);
    expect(pulled.pages).toBeGreaterThan(5);
    expect(pulled.rows.size).toBe(expected.size);
    expect(Object.fromEntries(pulled.rows)).toEqual(Object.fromEntries(expected));
  });

  it('remaining falls page by page to zero', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const { remaining } = await device(server, accessToken).pullAll(undefined, 200);
    expect(remaining.at(-1)).toBe(0);
    for (let i = 1; i < remaining.length; i++) expect(remaining[i]).toBeLessThan(remaining[i - 1] ?? Infinity);
  });

  it('a field tech bootstraps only the Service Desk', async () => {
    const { accessToken } = await server.login('tech@example.com');
    const pulled = await device(server, accessToken).pullAll(undefined, 500);
    const tickets = [...pulled.rows.entries()].filter(([k]) => k.startsWith('ticket:')).map(([, v]) => v as { desk: string });
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.every((t) => t.desk === 'service')).toBe(true);
    expect(pulled.rows.size).toBe((await visibleRows(server, ['service'])).size);
  });

  it('an incremental pull brings only what changed since the cursor', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const me = device(server, accessToken);
    const { cursor } = await me.pullAll(undefined, 1000);
    const empty = await me.pullAll(cursor);
    expect(empty.rows.size).toBe(0);

    const [open] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND data->>'status' = 'open' LIMIT 1`);
    const commentId = randomUUID();
    const res = await me.push({ name: 'comment.add', args: { id: commentId, ticketId: open?.id, body: 'Restarted the spooler', visibility: 'internal' } });
    expect(res.json.results[0].status).toBe('applied');

    const next = await me.pullAll(cursor);
    expect([...next.rows.keys()]).toEqual([`comment:${commentId}`]);
    expect((next.rows.get(`comment:${commentId}`) as { body: string }).body).toBe('Restarted the spooler');
  });

  it('an article moved out of an agent\'s desks reaches them as a delete', async () => {
    const sup = await server.login('supervisor@example.com');
    const tech = await server.login('tech@example.com');
    const techDevice = device(server, tech.accessToken);
    const articleId = randomUUID();
    const article = { id: articleId, title: 'VPN klient se nepřipojí', body: 'Restartujte klienta.', desk: 'both', language: 'cs' };
    const supDevice = device(server, sup.accessToken);
    await supDevice.push({ name: 'article.save', args: { ...article, baseVersion: null } });
    const { rows, cursor } = await techDevice.pullAll(undefined, 1000);
    expect(rows.has(`article:${articleId}`)).toBe(true);

    await supDevice.push({ name: 'article.save', args: { ...article, desk: 'help', baseVersion: 1 } });
    const after = await techDevice.pullAll(cursor);
    expect(after.deletes).toContain(`article:${articleId}`);
  });

  it('pages come in change order, and a full page that ends the data says there is no more', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const expected = await server.db.query<{ key: string }>(
      `SELECT entity || ':' || id AS key FROM entities WHERE NOT deleted AND (desk IS NULL OR desk = 'both' OR desk = ANY($1::text[])) ORDER BY change_id`,
      [['service', 'help']],
    );
    // Pages longer than the database's pieces of 256 change numbers, and one exactly as long as the rest.
    const pulled: string[] = [];
    let cursor: string | undefined;
    expect(expected.length).toBeGreaterThan(500);
    for (const limit of [100, 300, expected.length - 400]) {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const page = (await server.call('GET', `/sync/pull?${q}`, { token: accessToken })).json;
      pulled.push(...page.changes.map((c: { entity: string; id: string }) => `${c.entity}:${c.id}`));
      expect(page.hasMore).toBe(limit !== expected.length - 400);
      cursor = page.cursor;
    }
    expect(pulled).toEqual(expected.map((r) => r.key));
    const after = (await server.call('GET', `/sync/pull?cursor=${cursor}`, { token: accessToken })).json;
    expect([after.changes, after.hasMore, after.remaining]).toEqual([[], false, 0]);
  });

  it('text beyond ASCII comes back unchanged, though it travels as ASCII', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const me = device(server, accessToken);
    const { cursor } = await me.pullAll(undefined, 5000);
    const [open] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND open LIMIT 1`);
    const body = 'Příliš žluťoučký kůň úpěl ďábelské ódy 🐎 \u2028 "quoted" \\ back\u2029slash \u007f end';
    const id = randomUUID();
    expect((await me.push({ name: 'comment.add', args: { id, ticketId: open?.id, body, visibility: 'internal' } })).json.results[0].status).toBe('applied');
    const raw = await fetch(`${server.url}/sync/pull?cursor=${cursor}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const page = JSON.parse(bytes.toString('utf8')) as { changes: Array<{ id: string; data: { body: string } }> };
    expect(page.changes.find((c) => c.id === id)?.data.body).toBe(body);
    const [stored] = await server.db.query<{ body: string }>(`SELECT data->>'body' AS body FROM entities WHERE entity = 'comment' AND id = $1`, [id]);
    expect(stored?.body).toBe(body);
  });

  it('refuses a cursor of another database with 410 and a malformed one with 400', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const expired = await server.call('GET', '/sync/pull?cursor=deadbeef.10.0.0', { token: accessToken });
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe('cursor_expired');
    const bad = await server.call('GET', '/sync/pull?cursor=garbage', { token: accessToken });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
    const limit = await server.call('GET', '/sync/pull?limit=0', { token: accessToken });
    expect(limit.status).toBe(400);
    expect(limit.json.error.details[0].path).toBe('limit');
  });

  it('the slice holds my open tickets and the most urgent of each desk, with their comments', async () => {
    const { accessToken, agent } = await server.login('agent@example.com');
    const res = await server.call('GET', '/sync/slice?limit=5', { token: accessToken });
    expect(res.status).toBe(200);
    const changes = res.json.changes as Array<{ entity: string; data: { assigneeId?: string; status?: string; desk?: string; priority?: string; ticketId?: string } }>;
    const tickets = changes.filter((c) => c.entity === 'ticket').map((c) => c.data);
    const [{ n: mine } = { n: '0' }] = await server.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM entities WHERE entity = 'ticket' AND data->>'assigneeId' = $1 AND data->>'status' NOT IN ('resolved', 'closed')`,
      [agent.id],
    );
    expect(tickets.filter((t) => t.assigneeId === agent.id)).toHaveLength(Number(mine));
    expect(tickets.every((t) => t.status !== 'resolved' && t.status !== 'closed')).toBe(true);
    const ids = new Set(changes.filter((c) => c.entity === 'ticket').map((c) => (c.data as { id?: string }).id));
    for (const desk of ['service', 'help']) {
      const open = await server.db.query<{ data: { id: string; priority: string; sla: { resolutionDueAt: string | null } } }>(
        `SELECT data FROM entities WHERE entity = 'ticket' AND desk = $1 AND data->>'status' NOT IN ('resolved', 'closed')`, [desk]);
      const urgent = open.map((r) => r.data)
        .sort((a, b) => compareText(a.priority, b.priority) || compareText(a.sla.resolutionDueAt ?? '~', b.sla.resolutionDueAt ?? '~'))
        .slice(0, 5);
      expect(urgent).toHaveLength(5);
      expect(urgent.filter((t) => !ids.has(t.id))).toEqual([]);
    }
    expect(changes.some((c) => c.entity === 'agent')).toBe(true);
    expect(changes.filter((c) => c.entity === 'comment').every((c) => ids.has(c.data.ticketId))).toBe(true);
  });
});
