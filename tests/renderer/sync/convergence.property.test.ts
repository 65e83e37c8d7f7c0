// Property (issue 4): random schedules of several consoles — offline edits, going on- and offline, lost
// answers, duplicated pushes, crashes (also mid-sync), supervisor reassignments, server restarts — end,
// once everyone is back online and synced, with every cache equal to the server's view for that console,
// every mutation run at most once and its effect there exactly once when applied, and every change an agent
// made ending as applied, as a conflict or as needs-attention on the device that made it: nothing vanishes.
//
// One server (PGlite on a data folder, so that it can restart on its data) and four long-lived consoles
// serve every schedule; each schedule works on tickets of its own. A schedule that fails leaves the
// consoles rebuilt from scratch, so that shrinking replays each smaller schedule from a converged start.
//
// SWITCHBOARD_PBT_RUNS sets the number of schedules (default 200); SWITCHBOARD_PBT_SEED (and
// SWITCHBOARD_PBT_PATH) replay a reported failure; SWITCHBOARD_PBT_EXAMPLE runs a schedule given as JSON
// first (e.g. '[{"do":"take","who":"agent","t":0},{"do":"update","who":"agent","t":0,"field":"tags"}]');
// SWITCHBOARD_PBT_STATS=1 prints what the schedules did.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/protocol/mutations';
import type { EntityName, MutationResult } from '../../../shared/protocol/sync';
import { desksOf } from '../../../shared/rules/permissions';
import { nextStatuses } from '../../../shared/rules/status';
import { ENTITY_TABLES, entityTable } from '../../../renderer/db/cache-db';
import { ApiError, OfflineError } from '../../../renderer/sync/api';
import { discardRejected, keepMine, retryRejected, takeTheirs } from '../../../renderer/sync/outbox';
import { parseRowKey, touchedRows } from '../../../renderer/sync/touched-rows';
import { visibleRows } from '../../server/device';
import { openConsole, type TestConsole } from './console-harness';
import { startRestartableServer, type RestartableServer } from './restartable-server';
import { stepArb, type Step, type Who, WHO } from './convergence-steps';

const RUNS = Number(process.env.SWITCHBOARD_PBT_RUNS ?? 200);
const SEED = process.env.SWITCHBOARD_PBT_SEED === undefined ? undefined : Number(process.env.SWITCHBOARD_PBT_SEED);
const PATH = process.env.SWITCHBOARD_PBT_PATH;
/** Schedules that once failed, run first every time. */
const REGRESSIONS: Step[][] = [
  // A field edit made after the device's own assignment, over the console's made-up version, silently
  // overwrote the supervisor's change of that field (fixed in renderer/sync/outbox.ts).
  [
    { do: 'take', who: 'agent', t: 0 },
    { do: 'update', who: 'agent', t: 0, field: 'tags' },
    { do: 'update', who: 'sup', t: 0, field: 'tags' },
    { do: 'sync', who: 'sup' },
  ],
  // A second edit made while the device's first edit of the ticket was outstanding carried a version the
  // console made up, so it conflicted with the agent's own first edit (fixed: every edit is based on the
  // server's copy, and the server does not hold the device's own later writes against it).
  [
    { do: 'update', who: 'tech', t: 0, field: 'subject' },
    { do: 'update', who: 'tech', t: 0, field: 'subject' },
    { do: 'reassign', t: 0, to: 'agent' },
  ],
];
/** A schedule written by hand (a JSON array of steps), run first. */
const EXAMPLE = process.env.SWITCHBOARD_PBT_EXAMPLE === undefined ? undefined : (JSON.parse(process.env.SWITCHBOARD_PBT_EXAMPLE) as Step[]);
/** Small pages, so a schedule's changes span several pulls (rule 3: confirmations wait for the last). */
const PAGE_SIZE = 7;
/** Every this many schedules the whole of every cache is compared, not only what could have moved. */
const FULL_COMPARE_EVERY = 10;
/** SWITCHBOARD_PBT_STATS=1 prints what the schedules did: outcomes by mutation, time by step kind. */
const STATS = process.env.SWITCHBOARD_PBT_STATS === '1';
const stats = new Map<string, number>();
const count = (key: string, n = 1) => void (STATS && stats.set(key, (stats.get(key) ?? 0) + n));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    count(`ms ${label}`, Math.round(performance.now() - start));
  }
}

const EMAIL: Record<Who, string> = {
  agent: 'agent@example.com',
  agent2: 'agent@example.com', // a second device of the same agent, with its own IndexedDB
  tech: 'tech@example.com', // field tech: Service Desk only
  sup: 'supervisor@example.com',
};

let server: RestartableServer;
let consoles: Record<Who, TestConsole>;
/** Agent ids by role name, plus a Service-Desk-only agent as "someone else". */
let people: Record<Who | 'other', string>;
let healthy = false;
let runNo = 0;

/** A console bootstrapped with large pages (fast), then reopened on the same IndexedDB with small ones. */
async function freshConsole(who: Who): Promise<TestConsole> {
  const seed = await openConsole(server, EMAIL[who], { pageSize: 1000 });
  await seed.sync();
  seed.close();
  return openConsole(server, EMAIL[who], { idb: seed.idb, dbName: seed.dbName, pageSize: PAGE_SIZE });
}

async function rebuildConsoles(): Promise<void> {
  if (consoles) for (const c of Object.values(consoles)) c.close();
  const made = {} as Record<Who, TestConsole>;
  for (const who of WHO) made[who] = await freshConsole(who);
  consoles = made;
}

beforeAll(async () => {
  server = await startRestartableServer({ tickets: 30, articles: 5 });
  await rebuildConsoles();
  const [other] = await server.db.query<{ id: string }>(
    `SELECT id::text FROM entities WHERE entity = 'agent' AND data->>'email' = 'martin.kucera@switchboard.example'`,
  );
  people = { agent: consoles.agent.agent.id, agent2: consoles.agent.agent.id, tech: consoles.tech.agent.id, sup: consoles.sup.agent.id, other: other?.id ?? '' };
  healthy = true;
}, 300_000);

afterAll(async () => {
  if (consoles) for (const c of Object.values(consoles)) c.close();
  await server?.close();
  if (STATS) console.info([...stats].sort().map(([k, n]) => `${String(n).padStart(8)}  ${k}`).join('\n'));
});

/**
 * Every change a console made in this schedule, with what the agent was shown when resolving it and,
 * for a field edit, the value the agent saw in that field when making it (`saw`), and whether the edit
 * is held to rule 7 exactly (`exact`: no sync of that device was in flight to move the cache between the
 * look and the edit).
 */
type Made = {
  who: Who;
  mutation: Mutation;
  shown?: { status: 'conflict' | 'rejected'; what: unknown };
  saw?: unknown;
  exact?: boolean;
};

/** `changeMark`: the server's last change number when the schedule began. */
type Run = { no: number; tickets: string[]; made: Made[]; counter: number; changeMark: number };

const isOffline = (error: unknown) => error instanceof OfflineError;

/** One sync attempt whose network failure is part of the schedule; any other error is a finding. */
async function trySync(c: TestConsole): Promise<void> {
  try {
    await c.sync();
  } catch (error) {
    if (!isOffline(error)) throw error;
  }
}

/** Makes a change through the real outbox and logs it. */
async function change<N extends Mutation['name']>(run: Run, who: Who, name: N, args: Extract<Mutation, { name: N }>['args'], edit?: Pick<Made, 'saw' | 'exact'>): Promise<void> {
  const entry = await consoles[who].change(name, args as never);
  run.made.push({ who, mutation: entry as Mutation, ...edit });
}

/** Syncs started by a `background` step, still running while later steps go on. */
const inflight = new Map<Who, { done: Promise<unknown>; interrupted: 'reload' | 'restart' | null }>();

/** Waits for `who`'s sync in flight, if any: an error is a finding unless the step that cut it explains it. */
async function landed(who: Who): Promise<void> {
  const flight = inflight.get(who);
  if (!flight) return;
  inflight.delete(who);
  const error = await flight.done;
  if (error === undefined || isOffline(error)) return;
  if (flight.interrupted === 'reload') return; // the page closed under it: whatever it hit, its work is gone
  if (flight.interrupted === 'restart' && error instanceof ApiError && error.status >= 500) return;
  throw error;
}

function startBackground(who: Who): void {
  inflight.set(who, { done: consoles[who].sync().then(() => undefined, (error: unknown) => error ?? new Error('sync failed')), interrupted: null });
}

/** Changes an outbox helper (keep mine, retry) made: entries numbered after `fromSeq`. */
async function logNewEntries(run: Run, who: Who, fromSeq: number): Promise<void> {
  const entries = await consoles[who].db.outbox.where('seq').above(fromSeq).sortBy('seq');
  for (const e of entries) run.made.push({ who, mutation: e as Mutation });
}

async function lastSeq(who: Who): Promise<number> {
  return ((await consoles[who].db.getMeta<number>('nextSeq')) ?? 1) - 1;
}

const unique = (run: Run, what: string) => `${what} r${run.no}-${++run.counter}`;

async function cachedTicket(who: Who, run: Run, t: number) {
  const id = run.tickets[t];
  return id === undefined ? undefined : consoles[who].db.tickets.get(id);
}

async function createTicket(run: Run, who: Who, desk: 'service' | 'help'): Promise<string> {
  const c = consoles[who];
  const id = randomUUID();
  const subject = unique(run, 'New ticket');
  if (desk === 'service') {
    const org = (await c.db.organizations.toArray()).find((o) => o.desk === 'service');
    if (!org) throw new Error('no service organisation in the cache');
    await change(run, who, 'ticket.create', {
      id, desk, type: 'incident', subject, description: 'Tiskárna netiskne', channel: 'phone',
      requester: { kind: 'employee', name: 'Karel Novák', email: 'karel.novak@example.com', organizationId: org.id, department: null, location: null },
    });
  } else {
    await change(run, who, 'ticket.create', {
      id, desk, type: 'fault', subject, description: 'Elektroměr ukazuje nesmysly', channel: 'phone',
      requester: { kind: 'customer', name: 'Jana Malá', phone: null, email: null, accountNumber: 'ACC-1001', tier: 'standard', contract: null },
    });
  }
  run.tickets.push(id);
  return id;
}

/**
 * Runs one sync of `who` in which only the first `after` requests get through; the next one either never
 * leaves (`lose` false) or reaches the server and its answer is lost (`lose` true). A crash follows.
 */
async function interruptedSync(who: Who, after: number, lose: boolean): Promise<void> {
  const c = consoles[who];
  const before = c.net.mode;
  const requests = c.net.requests;
  let sent = 0;
  c.net.mode = 'online';
  // The harness records each request before it looks at the network mode, so the mode set here
  // already applies to the request being recorded.
  requests.push = (...items: string[]) => {
    sent += items.length;
    if (sent === after + 1) c.net.mode = lose ? 'lose-answers' : 'offline';
    return Array.prototype.push.apply(requests, items);
  };
  try {
    await trySync(c);
  } finally {
    delete (requests as { push?: unknown }).push;
    c.net.mode = before;
  }
  c.reload();
}

async function perform(run: Run, step: Step): Promise<void> {
  switch (step.do) {
    case 'idle':
      return;
    case 'comment': {
      const t = await cachedTicket(step.who, run, step.t);
      if (!t) return;
      await change(run, step.who, 'comment.add', { id: randomUUID(), ticketId: t.id, body: unique(run, 'Comment'), visibility: step.visibility });
      return;
    }
    case 'worklog': {
      const t = await cachedTicket(step.who, run, step.t);
      if (!t) return;
      await change(run, step.who, 'worklog.add', { id: randomUUID(), ticketId: t.id, minutes: 30, note: unique(run, 'Worklog'), onSite: step.who === 'tech', startedAt: new Date().toISOString() });
      return;
    }
    case 'update': {
      const t = await cachedTicket(step.who, run, step.t);
      if (!t) return;
      const fields = step.field === 'subject' ? { subject: unique(run, 'Subject') } : { tags: [unique(run, 'tag').replace(/ /g, '-')] };
      await change(run, step.who, 'ticket.update', { ticketId: t.id, baseVersion: t.version, fields }, { saw: t[step.field], exact: !inflight.has(step.who) });
      return;
    }
    case 'status': {
      const t = await cachedTicket(step.who, run, step.t);
      const next = t ? nextStatuses(t.status) : [];
      if (!t || next.length === 0) return;
      const status = next[step.pick % next.length] ?? 'open';
      await change(run, step.who, 'ticket.setStatus', { ticketId: t.id, status, expectedStatus: t.status, ...(status === 'resolved' ? { resolution: 'Vyřešeno na místě' } : {}) });
      return;
    }
    case 'take': {
      const t = await cachedTicket(step.who, run, step.t);
      if (!t) return;
      await change(run, step.who, 'ticket.assign', { ticketId: t.id, assigneeId: people[step.who], expectedAssigneeId: t.assigneeId });
      return;
    }
    case 'release': {
      const t = await cachedTicket(step.who, run, step.t);
      if (!t || t.assigneeId !== people[step.who]) return;
      await change(run, step.who, 'ticket.assign', { ticketId: t.id, assigneeId: null, expectedAssigneeId: t.assigneeId });
      return;
    }
    case 'assignOther': {
      // Not the supervisor: the server refuses it (forbidden) and it must land in needs-attention.
      const t = await cachedTicket(step.who, run, step.t);
      if (!t) return;
      await change(run, step.who, 'ticket.assign', { ticketId: t.id, assigneeId: people.other, expectedAssigneeId: t.assigneeId });
      return;
    }
    case 'create':
      await createTicket(run, step.who, step.desk);
      return;
    case 'reassign': {
      const t = await cachedTicket('sup', run, step.t);
      if (!t) return;
      const to = step.to === 'nobody' ? null : people[step.to];
      await change(run, 'sup', 'ticket.assign', { ticketId: t.id, assigneeId: to, expectedAssigneeId: t.assigneeId });
      await landed('sup');
      await trySync(consoles.sup);
      return;
    }
    case 'net':
      consoles[step.who].net.mode = step.mode;
      return;
    case 'sync':
      await landed(step.who);
      await trySync(consoles[step.who]);
      return;
    case 'background':
      await landed(step.who);
      startBackground(step.who);
      return;
    case 'duplicate': {
      await landed(step.who);
      // The same outbox batch twice: the first answer is lost on the way back, the second arrives.
      const c = consoles[step.who];
      const before = c.net.mode;
      c.net.mode = 'lose-answers';
      await trySync(c);
      c.net.mode = 'online';
      await trySync(c);
      c.net.mode = before;
      return;
    }
    case 'crash':
      await landed(step.who);
      await interruptedSync(step.who, step.after, step.lose);
      return;
    case 'reload': {
      // A reload while a sync is in flight closes the database under it: a crash mid-sync.
      const flight = inflight.get(step.who);
      if (flight) flight.interrupted = 'reload';
      consoles[step.who].reload();
      await landed(step.who);
      return;
    }
    case 'restart':
      for (const flight of inflight.values()) flight.interrupted ??= 'restart';
      await server.restart();
      for (const who of WHO) await landed(who);
      return;
    case 'resolve': {
      await landed(step.who); // so that the change it makes is still in the outbox to be logged
      const c = consoles[step.who];
      const mine = new Map(run.made.filter((m) => m.who === step.who).map((m) => [m.mutation.id, m]));
      const from = await lastSeq(step.who);
      if (step.how === 'keepMine' || step.how === 'takeTheirs') {
        const conflict = (await c.db.conflicts.toArray()).find((x) => mine.has(x.id));
        if (!conflict) return;
        const made = mine.get(conflict.id);
        if (made) made.shown = { status: 'conflict', what: conflict.fields };
        await (step.how === 'keepMine' ? keepMine : takeTheirs)(c.deps(), conflict.id);
        count(`resolved: ${step.how}`);
      } else {
        const item = (await c.db.attention.toArray()).find((x) => mine.has(x.id));
        if (!item) return;
        const made = mine.get(item.id);
        if (made) made.shown = { status: 'rejected', what: item.error.code };
        await (step.how === 'retry' ? retryRejected : discardRejected)(c.deps(), item.id);
        count(`resolved: ${step.how}`);
      }
      await logNewEntries(run, step.who, from);
      return;
    }
  }
}

/** A sync that must succeed; a request on a connection the restarted server closed may be tried again. */
async function syncOnline(c: TestConsole): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await c.sync();
      return;
    } catch (error) {
      if (!isOffline(error) || attempt >= 3) throw error;
    }
  }
}

async function settle(): Promise<void> {
  for (const who of WHO) await landed(who);
  for (const who of WHO) consoles[who].net.mode = 'online';
  for (const who of WHO) {
    for (let round = 0; round < 4; round++) {
      await syncOnline(consoles[who]);
      if ((await consoles[who].db.outbox.count()) === 0) break;
    }
  }
  // One more round, all at once (nothing is left to push): everyone sees everyone's pushes.
  await Promise.all(WHO.map((who) => syncOnline(consoles[who])));
}

type StoredResult = { client_id: string; seq: number; result: MutationResult };
type HistoryRow = { ticket_id: string; agent_id: string | null; mutation: string; outcome: string; before: Record<string, unknown>; after: Record<string, unknown> };

/** The value that names a mutation in the audit trail, for those whose every application leaves a line. */
function auditMark(m: Mutation): string | undefined {
  if (m.name !== 'ticket.update') return undefined;
  return JSON.stringify(m.args.fields);
}

/** Rows by `entity:id` from the tables of one console, for the given keys only. */
async function cachedSubset(c: TestConsole, keys: Iterable<string>): Promise<Map<string, unknown>> {
  const byEntity = new Map<EntityName, string[]>();
  for (const key of keys) {
    const { entity, id } = parseRowKey(key);
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
  }
  const rows = new Map<string, unknown>();
  for (const [entity, ids] of byEntity) {
    const found = await entityTable(c.db, entity).bulkGet(ids);
    ids.forEach((id, i) => {
      if (found[i] !== undefined) rows.set(`${entity}:${id}`, found[i]);
    });
  }
  return rows;
}

/** The key of every row of every entity table of one console, sorted. */
async function cachedKeys(c: TestConsole): Promise<string[]> {
  const keys: string[] = [];
  for (const [entity, table] of Object.entries(ENTITY_TABLES)) {
    for (const id of await c.db.table(table).toCollection().primaryKeys()) keys.push(`${entity}:${String(id)}`);
  }
  return keys.sort();
}

async function checkConvergence(run: Run): Promise<void> {
  // The whole cache is compared every few schedules; in between, every key, and the value of every row
  // the server changed since the schedule began or a change of the schedule touched (no other row can move).
  const full = run.no % FULL_COMPARE_EVERY === 1;
  const changed = new Set(
    (await server.db.query<{ key: string }>(`SELECT entity || ':' || id AS key FROM entities WHERE change_id > $1`, [run.changeMark])).map((r) => r.key),
  );
  for (const m of run.made) for (const key of touchedRows(m.mutation)) changed.add(key);
  const views = new Map<string, Map<string, unknown>>();
  const clientIds = new Map<Who, string>();
  for (const who of WHO) {
    const c = consoles[who];
    // Settled: nothing waits in the outbox, no shadow is left behind.
    expect(await c.db.outbox.toArray(), `${who}'s outbox after settling`).toEqual([]);
    expect(await c.db.shadows.toArray(), `${who}'s shadows after settling`).toEqual([]);
    // 1. The cache equals what a pull would deliver to this agent.
    const desks = [...desksOf(c.agent)].sort();
    const expected = views.get(desks.join()) ?? (await visibleRows(server, desks));
    views.set(desks.join(), expected);
    if (full) {
      expect(Object.fromEntries(await cachedSubset(c, await cachedKeys(c))), `${who}'s cache equals the server's view`).toEqual(Object.fromEntries(expected));
    } else {
      expect(await cachedKeys(c), `${who}'s cache holds the rows of the server's view`).toEqual([...expected.keys()].sort());
      const keys = [...changed].filter((k) => expected.has(k));
      expect(Object.fromEntries(await cachedSubset(c, keys)), `${who}'s changed rows equal the server's`).toEqual(Object.fromEntries(keys.map((k) => [k, expected.get(k)])));
    }
    clientIds.set(who, (await c.db.getMeta<string>('clientId')) ?? '');
  }

  const ids = run.made.map((m) => m.mutation.id);
  const stored = await server.db.query<StoredResult>(
    `SELECT client_id::text, seq, result FROM mutation_results WHERE result->>'id' = ANY($1::text[])`,
    [ids],
  );
  // 2a. Each mutation was run once: one stored result per mutation id, from the device that made it.
  const byId = new Map<string, StoredResult[]>();
  for (const s of stored) byId.set(s.result.id, [...(byId.get(s.result.id) ?? []), s]);
  for (const [id, list] of byId) expect(list.length, `stored results of mutation ${id}`).toBe(1);

  // 3. Every change ended as applied, conflict or needs-attention on the device that made it.
  for (const m of run.made) {
    const c = consoles[m.who];
    const label = `${m.who}'s ${m.mutation.name} ${m.mutation.id}`;
    const result = byId.get(m.mutation.id)?.[0];
    expect(result, `${label} reached the server (it left the outbox)`).toBeDefined();
    if (!result) continue;
    const r = result.result;
    count(`${m.mutation.name} ${r.status}${r.status === 'rejected' ? ` ${r.error.code}` : r.status === 'conflict' ? ` ${r.conflict.fields.map((f) => f.field).join()}` : ''}`);
    expect(result.client_id, `${label} came from its own device`).toBe(clientIds.get(m.who));
    const conflict = await c.db.conflicts.get(m.mutation.id);
    const attention = await c.db.attention.get(m.mutation.id);
    const shown = m.shown ?? (conflict ? { status: 'conflict', what: conflict.fields } : attention ? { status: 'rejected', what: attention.error.code } : undefined);
    if (result.result.status === 'applied') {
      expect(shown, `${label} was applied, and is shown as nothing else`).toBeUndefined();
    } else if (result.result.status === 'conflict') {
      expect(shown, `${label} is in the conflicts list`).toEqual({ status: 'conflict', what: result.result.conflict.fields });
    } else {
      expect(shown, `${label} is in needs-attention`).toEqual({ status: 'rejected', what: result.result.error.code });
    }
  }
  // 2b. Effects exactly once: appends exist iff applied; the audit trail has one line per application.
  const statusOf = (m: Made) => byId.get(m.mutation.id)?.[0]?.result.status;
  for (const m of run.made) {
    const mu = m.mutation;
    if (mu.name === 'comment.add' || mu.name === 'worklog.add' || mu.name === 'ticket.create') {
      const entity = mu.name === 'comment.add' ? 'comment' : mu.name === 'worklog.add' ? 'worklog' : 'ticket';
      const rows = await server.db.query(`SELECT 1 FROM entities WHERE entity = $1 AND id = $2 AND NOT deleted`, [entity, mu.args.id]);
      const made = run.made.filter((o) => o.mutation.name === mu.name && (o.mutation.args as { id: string }).id === mu.args.id);
      const anyApplied = made.some((o) => statusOf(o) === 'applied');
      expect(rows.length, `${m.who}'s ${mu.name} ${mu.args.id} exists on the server iff applied`).toBe(anyApplied ? 1 : 0);
    }
  }
  const history = await server.db.query<HistoryRow>(
    `SELECT ticket_id::text, agent_id::text, mutation, outcome, before, after FROM history WHERE ticket_id = ANY($1::uuid[])`,
    [run.tickets],
  );
  const ticketOf = (m: Mutation) => (m.name === 'ticket.create' ? m.args.id : (m.args as { ticketId?: string }).ticketId);
  const key = (ticket: string, agent: string | null, name: string, outcome: string) => `${ticket} ${agent} ${name} ${outcome}`;
  const lines = new Map<string, number>();
  for (const h of history) lines.set(key(h.ticket_id, h.agent_id, h.mutation, h.outcome), (lines.get(key(h.ticket_id, h.agent_id, h.mutation, h.outcome)) ?? 0) + 1);
  const results = new Map<string, number>();
  for (const m of run.made) {
    const status = statusOf(m);
    const ticket = ticketOf(m.mutation);
    if (!status || !ticket) continue;
    const k = key(ticket, consoles[m.who].agent.id, m.mutation.name, status);
    results.set(k, (results.get(k) ?? 0) + 1);
  }
  // Appends, creations and field updates write a line every time they apply; assignments and status
  // changes that find the ticket already as wanted write none. Conflicts always write one.
  const everyTime = new Set(['comment.add', 'worklog.add', 'ticket.create', 'ticket.update']);
  for (const k of new Set([...lines.keys(), ...results.keys()])) {
    const [, , name, outcome] = k.split(' ');
    const h = lines.get(k) ?? 0;
    const r = results.get(k) ?? 0;
    if (outcome === 'conflict' || (outcome === 'applied' && everyTime.has(name ?? ''))) expect(h, `history lines for ${k}`).toBe(r);
    else expect(h, `history lines for ${k}`).toBeLessThanOrEqual(r);
  }
  // A field update names its unique value: the audit shows it once per application (or conflict).
  for (const m of run.made) {
    const mark = auditMark(m.mutation);
    if (!mark || m.mutation.name !== 'ticket.update') continue;
    const [field, value] = Object.entries(m.mutation.args.fields)[0] ?? [];
    const same = run.made.filter((o) => auditMark(o.mutation) === mark);
    const expectedLines = same.filter((o) => ['applied', 'conflict'].includes(statusOf(o) ?? '')).length;
    const found = history.filter((h) => h.mutation === 'ticket.update' && field !== undefined && JSON.stringify(h.after[field]) === JSON.stringify(value)).length;
    expect(found, `audit lines for ${mark}`).toBe(expectedLines);
  }

  // Rule 7: a field edit conflicts exactly when someone else changed that field after the agent saw it —
  // never against the agent's own earlier edit, and never silently overwriting what the agent never saw.
  for (const m of run.made) {
    if (m.mutation.name !== 'ticket.update' || !('saw' in m) || !m.exact) continue;
    const [field = '', value] = Object.entries(m.mutation.args.fields)[0] ?? [];
    const label = `${m.who}'s ${field} edit "${JSON.stringify(value)}" (saw ${JSON.stringify(m.saw)})`;
    const result = byId.get(m.mutation.id)?.[0]?.result;
    if (result?.status === 'conflict') {
      for (const f of result.conflict.fields) expect(f.theirs, `${label} conflicts with what the agent saw`).not.toEqual(m.saw);
    } else if (result?.status === 'applied') {
      const line = history.find((h) => h.mutation === 'ticket.update' && h.outcome === 'applied' && JSON.stringify(h.after[field]) === JSON.stringify(value));
      expect(line?.before[field], `${label} overwrote only what the agent saw`).toEqual(m.saw);
    }
  }
}

async function runSchedule(steps: readonly Step[]): Promise<void> {
  if (!healthy) {
    for (const flight of inflight.values()) await flight.done;
    inflight.clear();
    await rebuildConsoles();
  }
  healthy = false;
  const [mark] = await server.db.query<{ n: string }>('SELECT coalesce(max(change_id), 0)::text AS n FROM entities');
  const run: Run = { no: ++runNo, tickets: [], made: [], counter: 0, changeMark: Number(mark?.n ?? 0) };
  await timed('setup', async () => {
    // Two tickets of the schedule's own, one per desk, made by the supervisor and pulled by everyone.
    for (const who of WHO) consoles[who].net.mode = 'online';
    await createTicket(run, 'sup', 'service');
    await createTicket(run, 'sup', 'help');
    await syncOnline(consoles.sup);
    await Promise.all(WHO.filter((who) => who !== 'sup').map((who) => syncOnline(consoles[who])));
  });
  for (const step of steps) await timed(`step ${step.do}`, () => perform(run, step));
  await timed('settle', settle);
  await timed('check', () => checkConvergence(run));
  count('schedules');
  healthy = true;
}

describe('sync convergence (property)', () => {
  it(
    `random schedules of four consoles converge with every change applied once or shown (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 12 }), async (steps) => runSchedule(steps)),
        {
          numRuns: RUNS,
          ...(SEED === undefined ? {} : { seed: SEED }),
          ...(PATH === undefined ? {} : { path: PATH }),
          examples: [...(EXAMPLE === undefined ? [] : [EXAMPLE]), ...REGRESSIONS].map((schedule) => [schedule] as [Step[]]),
        },
      );
    },
    30 * 60_000,
  );
});
