// The running engine and the server's real event stream: which pokes lead to a pull. A console is poked
// for its own pushes too; those the round in progress pulls anyway must not cost another round. A round
// for a poke alone goes straight to the pull; a change made meanwhile still goes out.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/harness';
import { openEvents } from '../../server/sse';
import { openConsole, type TestConsole } from './console-harness';

let server: TestServer;
const running: Array<{ console: TestConsole; stop(): void }> = [];
beforeAll(async () => {
  server = await startTestServer('pglite', { tickets: 60, articles: 5 });
});
afterAll(async () => server?.close());
afterEach(() => {
  for (const r of running.splice(0)) {
    r.stop();
    r.console.close();
  }
});

/** The server's real event stream (Node has no EventSource): pokes go to the engine. */
function eventStream(token: string, onPoke: (cursor?: string) => void, onOpen: () => void) {
  const stream = openEvents(server.url, token, undefined, (e) => {
    if (e.event === 'poke') onPoke((e.data as { cursor?: string }).cursor);
  });
  void stream.then(onOpen, () => undefined);
  return { close: () => void stream.then((s) => s.close(), () => undefined) };
}

async function runningConsole(email: string) {
  const { accessToken } = await server.login(email);
  const c = await openConsole(server, email, {
    engine: { openEvents: (h) => eventStream(accessToken, h.onPoke, h.onOpen), intervalMs: 60_000 },
  });
  const engine = c.engine;
  void engine.start();
  running.push({ console: c, stop: () => engine.stop() });
  await until(() => engine.current.bootstrapped && engine.current.state === 'idle');
  return c;
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** A running agent console and a supervisor's console that syncs by hand, both settled. */
async function agentAndSupervisor() {
  const agent = await runningConsole('agent@example.com');
  const supervisor = await openConsole(server, 'supervisor@example.com');
  running.push({ console: supervisor, stop: () => undefined });
  await supervisor.sync();
  await settle();
  const ticketId = (await agent.db.tickets.toCollection().first())!.id;
  return { agent, supervisor, ticketId, from: agent.net.requests.length };
}
const pullsIn = (requests: string[]) => requests.filter((r) => r.startsWith('GET /sync/pull')).length;

describe('pokes and the running engine', () => {
  it('the poke for its own push starts no second round: one push, one pull', async () => {
    const agent = await runningConsole('agent@example.com');
    await settle();
    const from = agent.net.requests.length;
    const ticketId = (await agent.db.tickets.toCollection().first())!.id;
    const id = randomUUID();
    await agent.change('comment.add', { id, ticketId, body: 'Restartováno, funguje.', visibility: 'internal' });
    agent.engine.requestSync();
    await until(async () => (await agent.db.outbox.count()) === 0);
    await settle();
    const since = agent.net.requests.slice(from);
    expect(since.filter((r) => r.startsWith('POST /sync/push'))).toHaveLength(1);
    expect(pullsIn(since)).toBe(1);
    expect((await agent.db.comments.get(id))?.body).toBe('Restartováno, funguje.');
  });

  it('a poke for another console’s change brings it with one pull', async () => {
    const { agent, supervisor, from, ticketId } = await agentAndSupervisor();
    const id = randomUUID();
    await supervisor.change('comment.add', { id, ticketId, body: 'Převezmi to prosím.', visibility: 'internal' });
    await supervisor.sync();
    await until(async () => (await agent.db.comments.get(id)) !== undefined);
    await settle();
    expect(pullsIn(agent.net.requests.slice(from))).toBe(1);
  });

  it('a change made while a poke is being answered still goes out', async () => {
    const { agent, supervisor, from, ticketId } = await agentAndSupervisor();
    const theirs = randomUUID();
    const mine = randomUUID();
    await supervisor.change('comment.add', { id: theirs, ticketId, body: 'Volal zákazník.', visibility: 'internal' });
    await supervisor.sync();
    // The poke's round (a pull only) may be under way as the agent writes a note.
    await agent.change('comment.add', { id: mine, ticketId, body: 'Beru si to.', visibility: 'internal' });
    agent.engine.requestSync();
    await until(async () => (await agent.db.outbox.count()) === 0 && (await agent.db.comments.get(theirs)) !== undefined);
    expect(agent.net.requests.slice(from).filter((r) => r.startsWith('POST /sync/push'))).toHaveLength(1);
    await supervisor.sync();
    expect((await supervisor.db.comments.get(mine))?.body).toBe('Beru si to.');
  });
});
