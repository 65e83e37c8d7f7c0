// shift.handover over real HTTP on each storage: every open ticket of the leaving shift goes to an arriving
// agent who serves the ticket's desk, each move is in the result and in the ticket's history, resolved and
// closed tickets stay where they are, and only supervisors (and admins) may run it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

type Ticket = { id: string; desk: 'service' | 'help'; status: string; assigneeId: string | null; priority: string; version: number };
type Move = { ticketId: string; from: string; to: string };

// The demo roster by shift, written out by hand (server/demo/staff.ts). Away agents take no tickets.
const EARLY = [
  'agent@example.com', 'supervisor@example.com', 'tech@example.com', 'lucie.prochazkova@switchboard.example',
  'martin.kucera@switchboard.example', 'katerina.vesela@switchboard.example', 'jakub.horak@switchboard.example',
  'lenka.markova@switchboard.example', 'michal.pokorny@switchboard.example',
];
const LATE_SERVICE = ['marketa.nemcova@switchboard.example', 'ondrej.marek@switchboard.example', 'veronika.pospisilova@switchboard.example', 'david.hajek@switchboard.example'];
const LATE_HELP = ['marketa.nemcova@switchboard.example', 'tereza.jelinkova@switchboard.example', 'filip.kral@switchboard.example', 'barbora.ruzickova@switchboard.example'];
const LATE_AWAY = 'radek.benes@switchboard.example';
const NIGHT = [
  'jiri.fiala@switchboard.example', 'pavel.sedlacek@switchboard.example', 'monika.dolezalova@switchboard.example',
  'lukas.zeman@switchboard.example', 'zdenek.kolar@switchboard.example', 'hana.navratilova@switchboard.example',
];
const NIGHT_AWAY = 'hana.navratilova@switchboard.example';
// The early shift's Service Desk agents in name order (Jana, Lucie, Martin, Michal, Petr, Tomáš): round robin deals in this order.
const EARLY_SERVICE_BY_NAME = [
  'agent@example.com', 'lucie.prochazkova@switchboard.example', 'martin.kucera@switchboard.example',
  'michal.pokorny@switchboard.example', 'supervisor@example.com', 'tech@example.com',
];

describe.each(STORAGES)('shift handover on %s', (storage) => {
  let server: TestServer;
  let supervisor: ReturnType<typeof device>;
  let supervisorToken: string;
  let supervisorId: string;
  let shift: (name: 'Early' | 'Late' | 'Night') => string;
  let id: (email: string) => string;
  let email: (agentId: string | null) => string | null;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 40, articles: 10 });
    const login = await server.login('supervisor@example.com');
    supervisorToken = login.accessToken;
    supervisorId = login.agent.id;
    supervisor = device(server, supervisorToken);
    const shifts = await server.db.query<{ id: string; name: string }>(`SELECT id::text, data->>'name' AS name FROM entities WHERE entity = 'shift'`);
    const agents = await server.db.query<{ id: string; email: string }>(`SELECT id::text, data->>'email' AS email FROM entities WHERE entity = 'agent'`);
    expect(shifts.map((s) => s.name).sort()).toEqual(['Early', 'Late', 'Night']);
    shift = (name) => shifts.find((s) => s.name === name)?.id ?? 'missing';
    id = (mail) => agents.find((a) => a.email === mail)?.id ?? 'missing';
    email = (agentId) => (agentId === null ? null : agents.find((a) => a.id === agentId)?.email ?? 'unknown');
    const [org] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'organization' AND data->>'desk' = 'service' ORDER BY id LIMIT 1`);
    orgId = org?.id ?? 'missing';
  });
  afterAll(async () => server?.close());

  const tickets = async () =>
    (await server.db.query<{ data: Ticket }>(`SELECT data FROM entities WHERE entity = 'ticket' ORDER BY id`)).map((r) => r.data);
  const ticket = async (ticketId: string) => (await tickets()).find((t) => t.id === ticketId) as Ticket;
  const isOpen = (t: Ticket) => t.status !== 'resolved' && t.status !== 'closed';

  /** A new Service Desk ticket assigned (by the supervisor) to the given agent. */
  async function ticketFor(assignee: string, desk: 'service' | 'help' = 'service'): Promise<string> {
    const ticketId = randomUUID();
    const args = desk === 'service'
      ? { id: ticketId, desk, type: 'incident', subject: 'Outlook keeps asking for a password', description: '', channel: 'phone', impact: 'medium', urgency: 'high',
          requester: { kind: 'employee', name: 'Jana Nováková', email: 'jana.novakova@example.com', organizationId: orgId, department: null, location: null } }
      : { id: ticketId, desk, type: 'fault', subject: 'No power since the morning', description: '', channel: 'phone', priority: 'P2',
          requester: { kind: 'customer', name: 'Karel Novák', phone: null, email: null, accountNumber: '1002003004', tier: 'gold', contract: null } };
    const res = await supervisor.push(
      { name: 'ticket.create', args },
      { name: 'ticket.assign', args: { ticketId, assigneeId: id(assignee), expectedAssigneeId: null } },
    );
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    return ticketId;
  }

  it('an agent or a field tech running it is rejected forbidden and nothing moves', async () => {
    await ticketFor('lucie.prochazkova@switchboard.example');
    const before = await server.db.query(`SELECT id::text, data::text, change_id::text FROM entities ORDER BY entity, id`);
    const historyBefore = await server.db.query(`SELECT count(*)::text AS n FROM history`);
    for (const login of ['agent@example.com', 'tech@example.com']) {
      const { accessToken } = await server.login(login);
      const res = await device(server, accessToken).push({ name: 'shift.handover', args: { fromShiftId: shift('Early'), toShiftId: shift('Late'), strategy: 'balanced' } });
      expect(res.json.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      expect(res.json.results[0].details).toBeUndefined();
    }
    expect(await server.db.query(`SELECT id::text, data::text, change_id::text FROM entities ORDER BY entity, id`)).toEqual(before);
    expect(await server.db.query(`SELECT count(*)::text AS n FROM history`)).toEqual(historyBefore);
  });

  it('moves every open ticket of the leaving shift to an arriving agent of its desk, in the result and in the history', async () => {
    // Make sure the leaving shift holds open work on both desks and some finished work.
    const onService = await ticketFor('lucie.prochazkova@switchboard.example');
    const onHelp = await ticketFor('katerina.vesela@switchboard.example', 'help');
    const withTech = await ticketFor('tech@example.com');
    const resolved = await ticketFor('martin.kucera@switchboard.example');
    const closed = await ticketFor('agent@example.com');
    const finish = await supervisor.push(
      { name: 'ticket.setStatus', args: { ticketId: resolved, status: 'resolved', expectedStatus: 'new', resolution: 'Password reset' } },
      { name: 'ticket.setStatus', args: { ticketId: closed, status: 'resolved', expectedStatus: 'new' } },
      { name: 'ticket.setStatus', args: { ticketId: closed, status: 'closed', expectedStatus: 'resolved' } },
    );
    expect(finish.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const early = new Set(EARLY.map(id));
    const all = await tickets();
    const leavingOpen = all.filter((t) => t.assigneeId !== null && early.has(t.assigneeId) && isOpen(t));
    const leavingDone = all.filter((t) => t.assigneeId !== null && early.has(t.assigneeId) && !isOpen(t));
    const untouched = all.filter((t) => !(t.assigneeId !== null && early.has(t.assigneeId) && isOpen(t)));
    expect(leavingOpen.map((t) => t.id)).toEqual(expect.arrayContaining([onService, onHelp, withTech]));
    expect(leavingDone.map((t) => t.id)).toEqual(expect.arrayContaining([resolved, closed]));
    const { cursor } = await supervisor.pullAll(undefined, 1000);

    const res = await supervisor.push({ name: 'shift.handover', args: { fromShiftId: shift('Early'), toShiftId: shift('Late'), strategy: 'balanced', note: 'Early to late, 14:00' } });
    const result = res.json.results[0];
    expect(result.status).toBe('applied');
    const moved = result.details.moved as Move[];
    expect(result.details.unplaced).toEqual([]);
    expect(moved.map((m) => m.ticketId).sort()).toEqual(leavingOpen.map((t) => t.id).sort());

    const after = new Map((await tickets()).map((t) => [t.id, t]));
    for (const move of moved) {
      const was = leavingOpen.find((t) => t.id === move.ticketId) as Ticket;
      expect(move.from).toBe(was.assigneeId);
      // The arriving agent serves the ticket's desk, is on the late shift and not away.
      expect(was.desk === 'service' ? LATE_SERVICE : LATE_HELP).toContain(email(move.to));
      expect(email(move.to)).not.toBe(LATE_AWAY);
      expect(after.get(move.ticketId)).toMatchObject({ assigneeId: move.to, status: was.status, version: was.version + 1 });
    }
    // Nothing open stays with the early shift; finished work and everyone else's tickets are as they were.
    expect([...after.values()].filter((t) => t.assigneeId !== null && early.has(t.assigneeId) && isOpen(t))).toEqual([]);
    for (const t of untouched) expect(after.get(t.id)).toEqual(t);
    expect(after.get(resolved)).toMatchObject({ status: 'resolved', assigneeId: id('martin.kucera@switchboard.example') });
    expect(after.get(closed)).toMatchObject({ status: 'closed', assigneeId: id('agent@example.com') });

    // Each move is in its ticket's history, as the last entry.
    for (const move of moved) {
      const history = await server.call('GET', `/tickets/${move.ticketId}/history`, { token: supervisorToken });
      expect(history.status).toBe(200);
      expect(history.json.entries.at(-1)).toMatchObject({
        agentId: supervisorId, mutation: 'shift.handover', outcome: 'applied',
        before: { assigneeId: move.from }, after: { assigneeId: move.to },
      });
    }
    const finishedHistory = await server.call('GET', `/tickets/${resolved}/history`, { token: supervisorToken });
    expect(finishedHistory.json.entries.map((e: { mutation: string }) => e.mutation)).not.toContain('shift.handover');

    // A console pulling after the handover sees the new assignees.
    const pulled = await supervisor.pullAll(cursor, 1000);
    for (const move of moved) expect(pulled.rows.get(`ticket:${move.ticketId}`)).toMatchObject({ assigneeId: move.to });
  });

  it('round robin deals the tickets most urgent first, in turn over the arriving agents of the desk', async () => {
    const mine = [
      await ticketFor('pavel.sedlacek@switchboard.example'),
      await ticketFor('monika.dolezalova@switchboard.example'),
      await ticketFor('lukas.zeman@switchboard.example'),
    ];
    const night = new Set(NIGHT.map(id));
    const leaving = (await tickets()).filter((t) => t.assigneeId !== null && night.has(t.assigneeId) && isOpen(t));
    const res = await supervisor.push({ name: 'shift.handover', args: { fromShiftId: shift('Night'), toShiftId: shift('Early'), strategy: 'round_robin' } });
    expect(res.json.results[0].status).toBe('applied');
    const moved = res.json.results[0].details.moved as Move[];
    expect(moved.map((m) => m.ticketId).sort()).toEqual(leaving.map((t) => t.id).sort());
    expect(moved.map((m) => m.ticketId)).toEqual(expect.arrayContaining(mine));
    // Night agents serve only the Service Desk, so all of these are Service Desk tickets dealt in name order.
    expect(moved.map((m) => email(m.to))).toEqual(moved.map((_, i) => EARLY_SERVICE_BY_NAME[i % EARLY_SERVICE_BY_NAME.length]));
    const rank = (ticketId: string) => Number(leaving.find((t) => t.id === ticketId)?.priority.slice(1));
    for (let i = 1; i < moved.length; i++) expect(rank(moved[i]?.ticketId ?? '')).toBeGreaterThanOrEqual(rank(moved[i - 1]?.ticketId ?? ''));
  });

  it('a ticket no arriving agent can serve stays where it is and is reported unplaced', async () => {
    // The night shift serves only the Service Desk: a Help Desk ticket of the late shift has nowhere to go.
    const help = await ticketFor('tereza.jelinkova@switchboard.example', 'help');
    const service = await ticketFor('ondrej.marek@switchboard.example');
    const before = await ticket(help);
    const res = await supervisor.push({ name: 'shift.handover', args: { fromShiftId: shift('Late'), toShiftId: shift('Night'), strategy: 'balanced' } });
    const details = res.json.results[0].details as { moved: Move[]; unplaced: string[] };
    expect(res.json.results[0].status).toBe('applied');
    expect(details.unplaced).toContain(help);
    expect(details.moved.map((m) => m.ticketId)).not.toContain(help);
    expect(await ticket(help)).toEqual(before);
    const serviceMove = details.moved.find((m) => m.ticketId === service);
    expect(NIGHT.filter((a) => a !== NIGHT_AWAY)).toContain(email(serviceMove?.to ?? null));
    expect((await ticket(service)).assigneeId).toBe(serviceMove?.to);
    for (const move of details.moved) expect((await ticket(move.ticketId)).desk).toBe('service');
  });
});
