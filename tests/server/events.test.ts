// Events over real HTTP: a push pokes other clients, presence is published and expires with the
// connection, and with PostgreSQL two server processes poke each other's clients.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';
import { openEvents } from './sse';

async function anOpenTicket(server: TestServer): Promise<string> {
  const [row] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND desk = 'service' AND data->>'status' = 'open' LIMIT 1`);
  return row?.id ?? '';
}

describe.each(STORAGES)('events on %s', (storage) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 30, articles: 5 });
  });
  afterAll(async () => server?.close());

  it('a push by one agent pokes another agent\'s open stream, which a console of another origin may read', async () => {
    const watcher = await server.login('supervisor@example.com');
    const stream = await openEvents(server.url, watcher.accessToken, 'http://127.0.0.1:5173');
    try {
      expect(stream.contentType).toContain('text/event-stream');
      expect(stream.allowOrigin).toBe('*');
      const writer = await server.login('agent@example.com');
      await device(server, writer.accessToken).push({ name: 'comment.add', args: { id: randomUUID(), ticketId: await anOpenTicket(server), body: 'hi', visibility: 'public' } });
      const poke = await stream.waitFor((e) => e.event === 'poke');
      expect(typeof (poke.data as { cursor: string }).cursor).toBe('string');
    } finally {
      stream.close();
    }
  });

  it('presence reaches other agents and turns to left when the connection drops', async () => {
    const viewer = await server.login('agent@example.com');
    const watcher = await server.login('supervisor@example.com');
    const ticketId = await anOpenTicket(server);
    const watching = await openEvents(server.url, watcher.accessToken);
    const viewerStream = await openEvents(server.url, viewer.accessToken);
    try {
      const res = await server.call('POST', '/presence', { token: viewer.accessToken, body: { ticketId, state: 'editing' } });
      expect(res.status).toBe(204);
      await watching.waitFor((e) => e.event === 'presence' && (e.data as { state: string }).state === 'editing');
      viewerStream.close();
      const left = await watching.waitFor((e) => e.event === 'presence' && (e.data as { state: string }).state === 'left');
      expect(left.data).toEqual({ ticketId, agentId: viewer.agent.id, state: 'left' });
    } finally {
      watching.close();
      viewerStream.close();
    }
  });

  it('presence on an unknown ticket is 404 and a bad state is 400', async () => {
    const { accessToken } = await server.login('agent@example.com');
    expect((await server.call('POST', '/presence', { token: accessToken, body: { ticketId: randomUUID(), state: 'viewing' } })).status).toBe(404);
    expect((await server.call('POST', '/presence', { token: accessToken, body: { ticketId: randomUUID(), state: 'dancing' } })).status).toBe(400);
  });
});

describe.runIf(STORAGES.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer('postgres', { tickets: 20, articles: 5 });
    second = await startTestServer('postgres', { databaseUrl: first.databaseUrl, seed: 'none' });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('a push to one process pokes the clients of the other', async () => {
    const watcher = await second.login('supervisor@example.com');
    const stream = await openEvents(second.url, watcher.accessToken);
    try {
      const writer = await first.login('agent@example.com');
      await device(first, writer.accessToken).push({ name: 'comment.add', args: { id: randomUUID(), ticketId: await anOpenTicket(first), body: 'across processes', visibility: 'internal' } });
      await stream.waitFor((e) => e.event === 'poke');
    } finally {
      stream.close();
    }
  });
});
