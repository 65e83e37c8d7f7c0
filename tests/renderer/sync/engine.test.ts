// The sync engine against a real server in process (PGlite), each console with its own IndexedDB.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/schemas/ticket';
import { visibleRows } from '../../server/device';
import { startTestServer, type TestServer } from '../../server/harness';
import { cachedRows, openConsole, type TestConsole } from './console-harness';

let server: TestServer;
const consoles: TestConsole[] = [];
beforeAll(async () => {
  server = await startTestServer('pglite', { tickets: 150, articles: 20 });
});
afterAll(async () => server?.close());
afterEach(() => {
  for (const c of consoles.splice(0)) c.close();
});

async function consoleOf(email: string, options?: Parameters<typeof openConsole>[2]) {
  const c = await openConsole(server, email, options);
  consoles.push(c);
  return c;
}

async function serverTicket(id: string): Promise<Ticket> {
  const [row] = await server.db.query<{ data: Ticket }>(`SELECT data FROM entities WHERE entity = 'ticket' AND id = $1`, [id]);
  if (!row) throw new Error(`no ticket ${id}`);
  return row.data;
}

async function someOpenTicket(desk: 'service' | 'help', offset = 0): Promise<Ticket> {
  const rows = await server.db.query<{ data: Ticket }>(`SELECT data FROM entities WHERE entity = 'ticket' AND desk = $1 AND data->>'status' = 'open' ORDER BY id OFFSET $2 LIMIT 1`, [desk, offset]);
  if (!rows[0]) throw new Error('no open ticket');
  return rows[0].data;
}

describe('bootstrap and pull', () => {
  it('a bootstrap leaves the cache equal to what the server shows this agent', async () => {
    const agent = await consoleOf('agent@example.com');
    await agent.sync();
    expect(Object.fromEntries(await cachedRows(agent.db))).toEqual(Object.fromEntries(await visibleRows(server, ['service', 'help'])));
    expect(agent.engine.current).toMatchObject({ state: 'idle', bootstrapped: true, pending: 0 });
    expect(agent.net.requests[0]).toMatch(/^GET \/sync\/slice/);
  });

  it('an incremental pull brings another console\'s change', async () => {
    const a = await consoleOf('agent@example.com');
    const b = await consoleOf('supervisor@example.com');
    await Promise.all([a.sync(), b.sync()]);
    const ticket = await someOpenTicket('service');
    const id = randomUUID();
    await b.change('comment.add', { id, ticketId: ticket.id, body: 'Vyměnili jsme toner.', visibility: 'public' });
    await b.sync();
    await a.sync();
    expect((await a.db.comments.get(id))?.body).toBe('Vyměnili jsme toner.');
  });

  it('a reload in the middle of a bootstrap resumes from the saved cursor and ends equal to the server', async () => {
    const c = await consoleOf('agent@example.com', { pageSize: 100 });
    c.net.cutAfterPulls = 3;
    await expect(c.sync()).rejects.toThrow();
    expect(await c.db.tickets.count()).toBeGreaterThan(0);
    expect(await c.db.getMeta('bootstrapped')).toBeUndefined();
    const saved = await c.db.getMeta<string>('cursor');
    expect(saved).toBeTruthy();

    c.reload();
    c.net.mode = 'online';
    c.net.cutAfterPulls = Infinity;
    c.net.requests.length = 0;
    await c.sync();
    expect(c.net.requests.some((r) => r.startsWith('GET /sync/slice'))).toBe(false);
    expect(c.net.requests.find((r) => r.startsWith('GET /sync/pull'))).toContain(`cursor=${encodeURIComponent(saved ?? '')}`);
    expect(Object.fromEntries(await cachedRows(c.db))).toEqual(Object.fromEntries(await visibleRows(server, ['service', 'help'])));
  });
});

describe('the outbox', () => {
  it('changes made offline show at once, stay pending, and are applied when back online', async () => {
    const tech = await consoleOf('tech@example.com');
    await tech.sync();
    const ticket = await someOpenTicket('service', 1);
    tech.net.mode = 'offline';
    await tech.change('ticket.assign', { ticketId: ticket.id, assigneeId: tech.agent.id, expectedAssigneeId: ticket.assigneeId });
    const worklogId = randomUUID();
    await tech.change('worklog.add', { id: worklogId, ticketId: ticket.id, minutes: 45, note: 'Výměna zdroje na místě', onSite: true, startedAt: '2026-11-20T08:00:00.000Z' });
    await expect(tech.sync()).rejects.toThrow();
    expect(tech.engine.current).toMatchObject({ state: 'offline', pending: 2 });
    expect((await tech.db.tickets.get(ticket.id))?.assigneeId).toBe(tech.agent.id);
    expect(await tech.db.worklogs.get(worklogId)).toMatchObject({ minutes: 45, onSite: true });

    tech.net.mode = 'online';
    await tech.sync();
    expect(tech.engine.current).toMatchObject({ state: 'idle', pending: 0 });
    expect(await tech.db.outbox.count()).toBe(0);
    expect((await serverTicket(ticket.id)).assigneeId).toBe(tech.agent.id);
    expect((await tech.db.tickets.get(ticket.id))).toEqual(await serverTicket(ticket.id));
  });

  it('a supervisor\'s reassignment while the tech is offline makes the tech\'s assign a conflict; both resolutions work', async () => {
    for (const resolution of ['keep mine', 'take theirs'] as const) {
      const tech = await consoleOf('tech@example.com');
      const sup = await consoleOf('supervisor@example.com');
      const agentLogin = await server.login('agent@example.com');
      await Promise.all([tech.sync(), sup.sync()]);
      const ticket = await someOpenTicket('service', resolution === 'keep mine' ? 2 : 3);

      tech.net.mode = 'offline';
      await tech.change('ticket.assign', { ticketId: ticket.id, assigneeId: tech.agent.id, expectedAssigneeId: ticket.assigneeId });
      await sup.change('ticket.assign', { ticketId: ticket.id, assigneeId: agentLogin.agent.id, expectedAssigneeId: ticket.assigneeId });
      await sup.sync();

      tech.net.mode = 'online';
      await tech.sync();
      expect(tech.engine.current).toMatchObject({ conflicts: 1, pending: 0 });
      const [conflict] = await tech.db.conflicts.toArray();
      expect(conflict?.fields).toEqual([{ field: 'assigneeId', mine: tech.agent.id, theirs: agentLogin.agent.id }]);
      // The cache shows the server's truth while the conflict waits.
      expect((await tech.db.tickets.get(ticket.id))?.assigneeId).toBe(agentLogin.agent.id);

      const { keepMine, takeTheirs } = await import('../../../renderer/sync/outbox');
      if (resolution === 'keep mine') await keepMine(tech.deps(), conflict?.id ?? '');
      else await takeTheirs(tech.deps(), conflict?.id ?? '');
      await tech.sync();
      expect(await tech.db.conflicts.count()).toBe(0);
      const expected = resolution === 'keep mine' ? tech.agent.id : agentLogin.agent.id;
      expect((await serverTicket(ticket.id)).assigneeId).toBe(expected);
      expect((await tech.db.tickets.get(ticket.id))?.assigneeId).toBe(expected);

      const history = await server.call('GET', `/tickets/${ticket.id}/history`, { token: agentLogin.accessToken });
      const outcomes = (history.json.entries as Array<{ mutation: string; outcome: string; agentId: string }>).filter((e) => e.mutation === 'ticket.assign').map((e) => [e.agentId, e.outcome]);
      expect(outcomes).toContainEqual([sup.agent.id, 'applied']);
      expect(outcomes).toContainEqual([tech.agent.id, 'conflict']);
      if (resolution === 'keep mine') expect(outcomes.at(-1)).toEqual([tech.agent.id, 'applied']);
    }
  });

  it('a push whose answer is lost is sent again and applied exactly once', async () => {
    const c = await consoleOf('agent@example.com');
    await c.sync();
    const ticket = await someOpenTicket('help', 2);
    const id = randomUUID();
    await c.change('comment.add', { id, ticketId: ticket.id, body: 'Odpověď zákazníkovi', visibility: 'public' });
    c.net.mode = 'lose-answers';
    await expect(c.sync()).rejects.toThrow();
    expect(await c.db.outbox.count()).toBe(1);
    c.reload(); // the crash
    c.net.mode = 'online';
    await c.sync();
    const [{ n } = { n: '0' }] = await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM history WHERE ticket_id = $1 AND mutation = 'comment.add'`, [ticket.id]);
    expect(Number(n)).toBe(1);
    expect(await c.db.outbox.count()).toBe(0);
    expect((await c.db.comments.get(id))?.body).toBe('Odpověď zákazníkovi');
  });

  it('a long outbox goes out in batches, in order, each change applied once', async () => {
    const c = await consoleOf('agent@example.com', { engine: { pushBatch: 3 } });
    await c.sync();
    const ticket = await someOpenTicket('service', 5);
    const ids = Array.from({ length: 10 }, () => randomUUID());
    for (const [i, id] of ids.entries()) await c.change('comment.add', { id, ticketId: ticket.id, body: `Krok ${i + 1}`, visibility: 'internal' });
    const from = c.net.requests.length;
    await c.sync();
    const sent = c.net.requests.slice(from);
    expect(sent.filter((r) => r.startsWith('POST /sync/push'))).toHaveLength(4);
    expect(sent.at(-1)).toMatch(/^GET \/sync\/pull/);
    const rows = await server.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM history WHERE ticket_id = $1 AND mutation = 'comment.add' AND agent_id = $2`, [ticket.id, c.agent.id]);
    expect(Number(rows[0]?.n)).toBe(10);
    const [comments] = await server.db.query<{ bodies: string[] }>(
      `SELECT array_agg(data->>'body' ORDER BY change_id) AS bodies FROM entities WHERE entity = 'comment' AND id = ANY($1::uuid[])`, [ids]);
    expect(comments?.bodies).toEqual(ids.map((_, i) => `Krok ${i + 1}`));
    expect(await c.db.outbox.count()).toBe(0);
    expect(c.engine.current).toMatchObject({ pending: 0, conflicts: 0, attention: 0 });
  });

  it('a rejected change goes to needs-attention with the server\'s reason and does not block the next', async () => {
    const c = await consoleOf('tech@example.com');
    await c.sync();
    const ticket = await someOpenTicket('service', 4);
    const other = await server.login('agent@example.com');
    await c.change('ticket.assign', { ticketId: ticket.id, assigneeId: other.agent.id, expectedAssigneeId: ticket.assigneeId });
    const noteId = randomUUID();
    await c.change('comment.add', { id: noteId, ticketId: ticket.id, body: 'Po mně', visibility: 'internal' });
    await c.sync();
    const [item] = await c.db.attention.toArray();
    expect(item?.error.code).toBe('forbidden');
    expect(item?.mutation.name).toBe('ticket.assign');
    expect((await c.db.tickets.get(ticket.id))?.assigneeId).toBe(ticket.assigneeId);
    expect((await c.db.comments.get(noteId))?.body).toBe('Po mně');
    expect(c.engine.current).toMatchObject({ attention: 1, pending: 0 });
  });

  it('410 cursor_expired re-bootstraps and keeps the pending changes', async () => {
    const c = await consoleOf('agent@example.com');
    await c.sync();
    const ticket = await someOpenTicket('service', 5);
    c.net.mode = 'offline';
    const id = randomUUID();
    await c.change('comment.add', { id, ticketId: ticket.id, body: 'napsáno offline', visibility: 'internal' });
    await c.db.meta.put({ key: 'cursor', value: 'feedface.1.0.0' }); // a cursor of a database that no longer exists
    c.reload(); // the console starts again on that cache
    c.net.mode = 'online';
    await c.sync();
    expect(c.net.requests.filter((r) => r.startsWith('GET /sync/slice'))).toHaveLength(2);
    expect((await c.db.comments.get(id))?.body).toBe('napsáno offline');
    const [{ n } = { n: '0' }] = await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM entities WHERE entity = 'comment' AND id = $1`, [id]);
    expect(Number(n)).toBe(1);
    expect(Object.fromEntries(await cachedRows(c.db))).toEqual(Object.fromEntries(await visibleRows(server, ['service', 'help'])));
  });
});
