// Push over real HTTP on each storage: exactly once per (clientId, seq), seq gaps, each conflict kind,
// rejections that never block what follows, and the audit history of both sides.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

type TicketRow = { id: string; version: number; status: string; assigneeId: string | null; subject: string; desk: string };

describe.each(STORAGES)('push on %s', (storage) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(storage);
  });
  afterAll(async () => server?.close());

  async function openTicket(desk = 'service', offset = 0): Promise<TicketRow> {
    const rows = await server.db.query<{ data: TicketRow }>(
      `SELECT data FROM entities WHERE entity = 'ticket' AND desk = $1 AND data->>'status' = 'open' ORDER BY id OFFSET $2 LIMIT 1`,
      [desk, offset],
    );
    if (!rows[0]) throw new Error('demo data has no open ticket');
    return rows[0].data;
  }
  const ticketNow = async (id: string) => (await server.db.query<{ data: TicketRow }>(`SELECT data FROM entities WHERE entity = 'ticket' AND id = $1`, [id]))[0]?.data;
  const count = async (sql: string, params: unknown[]) => Number((await server.db.query<{ n: string }>(sql, params))[0]?.n);

  it('a replayed push returns the identical stored result and writes nothing twice', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const me = device(server, accessToken);
    const ticket = await openTicket();
    const worklog = { name: 'worklog.add', args: { id: randomUUID(), ticketId: ticket.id, minutes: 30, note: 'Vyměněn toner', onSite: false, startedAt: '2026-11-20T09:00:00.000Z' } };
    const first = await me.push(worklog);
    expect(first.json.results[0].status).toBe('applied');
    const again = await server.call('POST', '/sync/push', { token: accessToken, body: { clientId: me.clientId, schemaVersion: 1, mutations: first.sent } });
    expect(again.status).toBe(200);
    expect(again.json.results).toEqual(first.json.results);
    expect(await count(`SELECT count(*)::text AS n FROM entities WHERE entity = 'worklog' AND id = $1`, [worklog.args.id])).toBe(1);
    expect(await count(`SELECT count(*)::text AS n FROM history WHERE ticket_id = $1 AND mutation = 'worklog.add'`, [ticket.id])).toBe(1);
  });

  it('refuses a gap in seq with 409 seq_gap and the seq it expects', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const me = device(server, accessToken);
    const ticket = await openTicket();
    await me.push({ name: 'comment.add', args: { id: randomUUID(), ticketId: ticket.id, body: 'one', visibility: 'internal' } });
    const gap = await me.push({ name: 'comment.add', seq: 5, args: { id: randomUUID(), ticketId: ticket.id, body: 'five', visibility: 'internal' } });
    expect(gap.status).toBe(409);
    expect(gap.json.error.code).toBe('seq_gap');
    expect(gap.json.error.details.expected).toBe(2);
  });

  it('a stale assign is a conflict with both sides in the result and in the history', async () => {
    const sup = await server.login('supervisor@example.com');
    const tech = await server.login('tech@example.com');
    const other = await server.login('agent@example.com');
    const ticket = await openTicket('service', 3);
    const techDevice = device(server, tech.accessToken);
    await device(server, sup.accessToken).push({ name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: other.agent.id, expectedAssigneeId: ticket.assigneeId } });
    const stale = await techDevice.push({ name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: tech.agent.id, expectedAssigneeId: ticket.assigneeId } });
    const result = stale.json.results[0];
    expect(result.status).toBe('conflict');
    expect(result.conflict.fields).toEqual([{ field: 'assigneeId', mine: tech.agent.id, theirs: other.agent.id }]);
    expect((await ticketNow(ticket.id))?.assigneeId).toBe(other.agent.id);

    const history = await server.call('GET', `/tickets/${ticket.id}/history`, { token: sup.accessToken });
    const entries = history.json.entries as Array<{ mutation: string; outcome: string; agentId: string; before: Record<string, unknown>; after: Record<string, unknown> }>;
    expect(entries.at(-2)).toMatchObject({ mutation: 'ticket.assign', outcome: 'applied', agentId: sup.agent.id, after: { assigneeId: other.agent.id } });
    expect(entries.at(-1)).toMatchObject({ mutation: 'ticket.assign', outcome: 'conflict', agentId: tech.agent.id, before: { assigneeId: other.agent.id }, after: { assigneeId: tech.agent.id } });
  });

  it('ticket.update conflicts only on the field changed on both sides; the others apply', async () => {
    const a = device(server, (await server.login('agent@example.com')).accessToken);
    const s = device(server, (await server.login('supervisor@example.com')).accessToken);
    const ticket = await openTicket('service', 4);
    await s.push({ name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Supervisor subject' } } });
    const res = await a.push({ name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Agent subject', tags: ['vpn', 'home-office'] } } });
    expect(res.json.results[0].status).toBe('conflict');
    expect(res.json.results[0].conflict.fields).toEqual([{ field: 'subject', mine: 'Agent subject', theirs: 'Supervisor subject' }]);
    const now = await ticketNow(ticket.id) as TicketRow & { tags: string[] };
    expect(now.subject).toBe('Supervisor subject');
    expect(now.tags).toEqual(['vpn', 'home-office']);
  });

  it('ticket.setStatus conflicts on a stale expected status and rejects an illegal transition', async () => {
    const a = device(server, (await server.login('agent@example.com')).accessToken);
    const ticket = await openTicket('help', 0);
    const res = await a.push(
      { name: 'ticket.setStatus', args: { ticketId: ticket.id, status: 'resolved', expectedStatus: 'pending' } },
      { name: 'ticket.setStatus', args: { ticketId: ticket.id, status: 'new', expectedStatus: 'open' } },
      { name: 'ticket.setStatus', args: { ticketId: ticket.id, status: 'pending', expectedStatus: 'open' } },
    );
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(['conflict', 'rejected', 'applied']);
    expect(res.json.results[1].error.code).toBe('invalid_request');
    expect((await ticketNow(ticket.id))?.status).toBe('pending');
  });

  it('a rejected mutation uses up its seq and does not block the ones after it', async () => {
    const tech = device(server, (await server.login('tech@example.com')).accessToken);
    const ticket = await openTicket('service', 5);
    const helpTicket = await openTicket('help', 1);
    const res = await tech.push(
      { name: 'comment.add', args: { id: randomUUID(), ticketId: helpTicket.id, body: 'not my desk', visibility: 'public' } },
      { name: 'no.such.mutation', args: {} },
      { name: 'ticket.create', args: { id: randomUUID(), desk: 'service', type: 'fault', subject: 'x', description: '', channel: 'phone', requester: {} } },
      { name: 'comment.add', args: { id: randomUUID(), ticketId: ticket.id, body: 'on site now', visibility: 'internal' } },
    );
    const results = res.json.results as Array<{ status: string; seq: number; error?: { code: string; details?: Array<{ path: string }> } }>;
    expect(results.map((r) => [r.seq, r.status, r.error?.code])).toEqual([
      [1, 'rejected', 'forbidden'], [2, 'rejected', 'invalid_request'], [3, 'rejected', 'invalid_request'], [4, 'applied', undefined],
    ]);
    expect(results[2]?.error?.details?.map((d) => d.path)).toContain('args.type');
  });

  it('an edit based on the server copy is not held against the device\'s own later edits, only against others\'', async () => {
    const tech = device(server, (await server.login('tech@example.com')).accessToken);
    const sup = device(server, (await server.login('supervisor@example.com')).accessToken);
    const ticket = await openTicket('service', 6);
    // Two offline edits of one field, both based on the last server copy the device saw.
    const [first, second] = (await tech.push(
      { name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Printer jams on tray 2' } } },
      { name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Printer jams on tray 2 and 3' } } },
    )).json.results;
    expect([first.status, second.status]).toEqual(['applied', 'applied']);
    // The same in a later push: the server still knows those versions were the device's own.
    const third = (await tech.push({ name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Tray 3 replaced' } } })).json.results[0];
    expect(third.status).toBe('applied');
    expect((await ticketNow(ticket.id))?.subject).toBe('Tray 3 replaced');

    // Someone else's change of the field after that base is news: a conflict, their value kept.
    await sup.push({ name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: third.version, fields: { subject: 'Printer replaced' } } });
    const stale = (await tech.push({ name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Tray 3 fixed' } } })).json.results[0];
    expect(stale.status).toBe('conflict');
    expect(stale.conflict.fields).toEqual([{ field: 'subject', mine: 'Tray 3 fixed', theirs: 'Printer replaced' }]);
    expect((await ticketNow(ticket.id))?.subject).toBe('Printer replaced');
  });

  it('ticket.create gets a key and computed SLA due times; article.save conflicts on a stale base', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const me = device(server, accessToken);
    const [org] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'organization' AND desk IS NULL AND data->>'desk' = 'service' LIMIT 1`);
    const id = randomUUID();
    const res = await me.push({
      name: 'ticket.create',
      args: { id, desk: 'service', type: 'incident', subject: 'Wi-Fi down on floor 2', description: 'Nobody can connect', channel: 'phone', impact: 'high', urgency: 'high',
        requester: { kind: 'employee', name: 'Jana Nováková', email: 'jana.novakova@example.com', organizationId: org?.id, department: null, location: null } },
    });
    expect(res.json.results[0].status).toBe('applied');
    const created = await ticketNow(id) as TicketRow & { key: string; priority: string; sla: { resolutionDueAt: string } };
    expect(created.key).toMatch(/^SD-\d+$/);
    expect(created.priority).toBe('P1');
    expect(created.sla.resolutionDueAt).not.toBeNull();

    const articleId = randomUUID();
    const base = { id: articleId, title: 'Printer offline', body: 'Check the cable.', desk: 'service', language: 'en' };
    await me.push({ name: 'article.save', args: { ...base, baseVersion: null } });
    // The device's own second save on the same base is no news to it: applied.
    expect((await me.push({ name: 'article.save', args: { ...base, body: 'Check the cable.\n\nThen restart.', baseVersion: null } })).json.results[0].status).toBe('applied');
    const sup = device(server, (await server.login('supervisor@example.com')).accessToken);
    await sup.push({ name: 'article.save', args: { ...base, body: 'Check the cable and the queue.', baseVersion: 2 } });
    const stale = await me.push({ name: 'article.save', args: { ...base, body: 'Replace the printer.', baseVersion: 2 } });
    expect(stale.json.results[0].status).toBe('conflict');
    expect(stale.json.results[0].conflict.fields).toEqual([{ field: 'body', mine: 'Replace the printer.', theirs: 'Check the cable and the queue.' }]);
  });

  it('bulk assignment reports a ticket changed meanwhile as a conflict and leaves it as it is', async () => {
    const sup = await server.login('supervisor@example.com');
    const agent = await server.login('agent@example.com');
    const t1 = await openTicket('service', 6);
    const t2 = await openTicket('service', 7);
    const res = await device(server, sup.accessToken).push({
      name: 'ticket.bulkAssign',
      args: { ticketIds: [t1.id, t2.id], assigneeId: agent.agent.id, expected: { [t1.id]: t1.assigneeId, [t2.id]: randomUUID() } },
    });
    expect(res.json.results[0].status).toBe('applied');
    expect(res.json.results[0].details.tickets).toEqual([
      { ticketId: t1.id, status: 'applied' },
      { ticketId: t2.id, status: 'conflict' },
    ]);
    expect((await ticketNow(t1.id))?.assigneeId).toBe(agent.agent.id);
    expect((await ticketNow(t2.id))?.assigneeId).toBe(t2.assigneeId);
  });

  it('refuses a malformed envelope as a whole with 400 and the faulty paths', async () => {
    const { accessToken } = await server.login('agent@example.com');
    const noClient = await server.call('POST', '/sync/push', { token: accessToken, body: { schemaVersion: 1, mutations: [] } });
    expect(noClient.status).toBe(400);
    expect(noClient.json.error.details.map((d: { path: string }) => d.path)).toContain('clientId');
    const notList = await server.call('POST', '/sync/push', { token: accessToken, body: { clientId: randomUUID(), schemaVersion: 1, mutations: 'all' } });
    expect(notList.status).toBe(400);
    const notJson = await server.call('POST', '/sync/push', { token: accessToken, raw: '{"clientId":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('invalid_request');
  });
  it('in a batch whose mutations partly fail, each writes all of itself or nothing; a re-issued append is not written twice', async () => {
    const tech = device(server, (await server.login('tech@example.com')).accessToken);
    const [a, b] = [await openTicket('service', 2), await openTicket('service', 3)];
    const first = { id: randomUUID(), ticketId: a.id, body: 'Kabel vyměněn, tiskárna tiskne', visibility: 'internal' };
    const stray = { id: randomUUID(), ticketId: randomUUID(), minutes: 5, note: 'lost', onSite: false, startedAt: '2026-11-20T09:00:00.000Z' };
    const second = { id: randomUUID(), ticketId: b.id, minutes: 20, note: 'Remote session', onSite: false, startedAt: '2026-11-20T09:00:00.000Z' };
    const historyBefore = await count(`SELECT count(*)::text AS n FROM history WHERE ticket_id = ANY($1::uuid[])`, [[a.id, b.id]]);
    const res = await tech.push(
      { name: 'comment.add', args: first },
      // The same comment again under a new seq (an outbox rebuilt after a reset), its id in capitals.
      { name: 'comment.add', args: { ...first, id: first.id.toUpperCase(), body: 'overwritten?' } },
      { name: 'worklog.add', args: stray },
      { name: 'comment.add', args: { id: randomUUID(), ticketId: a.id, body: 'x'.repeat(100_001), visibility: 'internal' } },
      { name: 'worklog.add', args: second },
    );
    expect(res.json.results.map((r: { status: string; error?: { code: string } }) => [r.status, r.error?.code])).toEqual([
      ['applied', undefined], ['applied', undefined], ['rejected', 'not_found'], ['rejected', 'invalid_request'], ['applied', undefined],
    ]);
    const bodies = await server.db.query<{ body: string }>(`SELECT data->>'body' AS body FROM entities WHERE entity = 'comment' AND ticket_id = $1 AND id = $2`, [a.id, first.id]);
    expect(bodies.map((r) => r.body)).toEqual([first.body]);
    expect(await count(`SELECT count(*)::text AS n FROM entities WHERE entity = 'worklog' AND id = ANY($1::uuid[])`, [[stray.id, second.id]])).toBe(1);
    expect(await count(`SELECT count(*)::text AS n FROM entities WHERE ticket_id = $1 AND data->>'body' LIKE 'xxx%'`, [a.id])).toBe(0);
    // One audit line per applied append; the rejections name no existing ticket or wrote nothing.
    const history = await server.db.query<{ mutation: string; outcome: string }>(
      `SELECT mutation, outcome FROM history WHERE ticket_id = ANY($1::uuid[]) ORDER BY id OFFSET $2`, [[a.id, b.id], historyBefore]);
    expect(history.filter((h) => h.outcome === 'applied').map((h) => h.mutation).sort()).toEqual(['comment.add', 'worklog.add']);
  });
});
