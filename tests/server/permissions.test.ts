// The permission table over real HTTP on each storage: every demo role × every mutation of PROTOCOL.md.
// Allowed is `applied`; forbidden is a `rejected` result with code `forbidden` that wrote nothing (the
// row is unchanged or absent), never a silent no-op. Plus the finer rules: an agent assigns only to
// themselves, a field tech works the Service Desk only, an agent edits drafts but not published articles.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

type Role = 'agent' | 'field_tech' | 'supervisor' | 'admin';
type Name =
  | 'ticket.create' | 'ticket.update' | 'ticket.assign' | 'ticket.setStatus' | 'comment.add' | 'worklog.add'
  | 'attachment.add' | 'ticket.linkArticle' | 'article.save' | 'article.setState' | 'ticket.bulkAssign' | 'shift.handover';
type Verdict = 'allowed' | 'forbidden';
type Row = Record<string, unknown> & { id: string; version?: number; assigneeId?: string | null };
type Result = { status: string; error?: { code: string; message: string }; details?: Record<string, unknown> };

const LOGIN: Record<Role, string> = {
  agent: 'agent@example.com',
  field_tech: 'tech@example.com',
  supervisor: 'supervisor@example.com',
  admin: 'admin@example.com',
};

// Written out by hand from DESIGN.md's users: agents do ticket work and write article drafts; field techs
// do ticket work (on the Service Desk); supervisors and admins also bulk-assign, hand over shifts and
// publish or archive articles.
const TABLE: Record<Role, Record<Name, Verdict>> = {
  agent: {
    'ticket.create': 'allowed', 'ticket.update': 'allowed', 'ticket.assign': 'allowed', 'ticket.setStatus': 'allowed',
    'comment.add': 'allowed', 'worklog.add': 'allowed', 'attachment.add': 'allowed', 'ticket.linkArticle': 'allowed',
    'article.save': 'allowed', 'article.setState': 'forbidden', 'ticket.bulkAssign': 'forbidden', 'shift.handover': 'forbidden',
  },
  field_tech: {
    'ticket.create': 'allowed', 'ticket.update': 'allowed', 'ticket.assign': 'allowed', 'ticket.setStatus': 'allowed',
    'comment.add': 'allowed', 'worklog.add': 'allowed', 'attachment.add': 'allowed', 'ticket.linkArticle': 'allowed',
    'article.save': 'forbidden', 'article.setState': 'forbidden', 'ticket.bulkAssign': 'forbidden', 'shift.handover': 'forbidden',
  },
  supervisor: {
    'ticket.create': 'allowed', 'ticket.update': 'allowed', 'ticket.assign': 'allowed', 'ticket.setStatus': 'allowed',
    'comment.add': 'allowed', 'worklog.add': 'allowed', 'attachment.add': 'allowed', 'ticket.linkArticle': 'allowed',
    'article.save': 'allowed', 'article.setState': 'allowed', 'ticket.bulkAssign': 'allowed', 'shift.handover': 'allowed',
  },
  admin: {
    'ticket.create': 'allowed', 'ticket.update': 'allowed', 'ticket.assign': 'allowed', 'ticket.setStatus': 'allowed',
    'comment.add': 'allowed', 'worklog.add': 'allowed', 'attachment.add': 'allowed', 'ticket.linkArticle': 'allowed',
    'article.save': 'allowed', 'article.setState': 'allowed', 'ticket.bulkAssign': 'allowed', 'shift.handover': 'allowed',
  },
};

const CASES = (Object.keys(TABLE) as Role[]).flatMap((role) => (Object.keys(TABLE[role]) as Name[]).map((name) => ({ role, name, verdict: TABLE[role][name] })));

// Late-shift agents who serve the Service Desk and are not away (Radek Beneš is away).
const LATE_SERVICE = ['marketa.nemcova@switchboard.example', 'ondrej.marek@switchboard.example', 'veronika.pospisilova@switchboard.example', 'david.hajek@switchboard.example'];
const SHA = 'a'.repeat(64);

describe.each(STORAGES)('permissions on %s', (storage) => {
  let server: TestServer;
  let sessions: Record<Role, { token: string; id: string; push: ReturnType<typeof device>['push'] }>;
  let setup: ReturnType<typeof device>;
  let orgId: string;
  let articleId: string;
  let shiftId: (name: string) => string;
  let agentId: (email: string) => string;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 40, articles: 10 });
    sessions = {} as typeof sessions;
    for (const role of Object.keys(LOGIN) as Role[]) {
      const { accessToken, agent } = await server.login(LOGIN[role]);
      expect(agent.role).toBe(role);
      sessions[role] = { token: accessToken, id: agent.id, push: device(server, accessToken).push };
    }
    setup = device(server, sessions.supervisor.token);
    const [org] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'organization' AND data->>'desk' = 'service' ORDER BY id LIMIT 1`);
    const [article] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'article' AND desk IN ('service', 'both') ORDER BY id LIMIT 1`);
    if (!org || !article) throw new Error('demo data has no Service Desk organisation or article');
    orgId = org.id;
    articleId = article.id;
    const shifts = await server.db.query<{ id: string; name: string }>(`SELECT id::text, data->>'name' AS name FROM entities WHERE entity = 'shift'`);
    const agents = await server.db.query<{ id: string; email: string }>(`SELECT id::text, data->>'email' AS email FROM entities WHERE entity = 'agent'`);
    shiftId = (name) => shifts.find((s) => s.name === name)?.id ?? 'missing';
    agentId = (email) => agents.find((a) => a.email === email)?.id ?? 'missing';
  });
  afterAll(async () => server?.close());

  const row = async (entity: string, id: string) =>
    (await server.db.query<{ data: Row; change_id: string }>(`SELECT data, change_id::text FROM entities WHERE entity = $1 AND id = $2`, [entity, id]))[0];

  const createArgs = (desk: 'service' | 'help' = 'service') => desk === 'service'
    ? { id: randomUUID(), desk, type: 'service_request', subject: 'New monitor for reception', description: 'The old one flickers', channel: 'portal',
        requester: { kind: 'employee', name: 'Jana Nováková', email: 'jana.novakova@example.com', organizationId: orgId, department: null, location: null } }
    : { id: randomUUID(), desk, type: 'question', subject: 'When is my next bill?', description: 'Asked on the phone', channel: 'phone',
        requester: { kind: 'customer', name: 'Karel Novák', phone: null, email: null, accountNumber: '1002003004', tier: 'standard', contract: null } };

  /** A fresh unassigned Service Desk ticket in status `new`, made by the supervisor. */
  async function freshTicket(): Promise<Row> {
    const args = createArgs();
    const res = await setup.push({ name: 'ticket.create', args });
    expect(res.json.results[0].status).toBe('applied');
    const created = await row('ticket', args.id);
    if (!created) throw new Error('setup ticket missing');
    return created.data;
  }

  async function freshDraft(): Promise<string> {
    const id = randomUUID();
    const res = await setup.push({ name: 'article.save', args: { id, baseVersion: null, title: 'Resetting a VPN token', body: 'Open the portal…', desk: 'service', language: 'en' } });
    expect(res.json.results[0].status).toBe('applied');
    return id;
  }

  type Case = { args: unknown; entity: string; id: string; verify: (allowed: boolean, result: Result) => Promise<void> };

  /** For each mutation: valid args for this role, the row it writes, and what that row looks like after. */
  const FIXTURES: Record<Name, (role: Role) => Promise<Case>> = {
    'ticket.create': async () => {
      const args = createArgs();
      return { args, entity: 'ticket', id: args.id, verify: async (allowed) => {
        const created = await row('ticket', args.id);
        if (allowed) expect(created?.data).toMatchObject({ subject: 'New monitor for reception', status: 'new', desk: 'service' });
        else expect(created).toBeUndefined();
      } };
    },
    'ticket.update': async () => {
      const t = await freshTicket();
      return { args: { ticketId: t.id, baseVersion: t.version, fields: { subject: 'Two new monitors for reception' } }, entity: 'ticket', id: t.id, verify: async (allowed) => {
        expect((await row('ticket', t.id))?.data.subject).toBe(allowed ? 'Two new monitors for reception' : 'New monitor for reception');
      } };
    },
    'ticket.assign': async (role) => {
      const t = await freshTicket();
      return { args: { ticketId: t.id, assigneeId: sessions[role].id, expectedAssigneeId: null }, entity: 'ticket', id: t.id, verify: async (allowed) => {
        expect((await row('ticket', t.id))?.data.assigneeId).toBe(allowed ? sessions[role].id : null);
      } };
    },
    'ticket.setStatus': async () => {
      const t = await freshTicket();
      return { args: { ticketId: t.id, status: 'open', expectedStatus: 'new' }, entity: 'ticket', id: t.id, verify: async (allowed) => {
        expect((await row('ticket', t.id))?.data.status).toBe(allowed ? 'open' : 'new');
      } };
    },
    'comment.add': async () => {
      const t = await freshTicket();
      const id = randomUUID();
      return { args: { id, ticketId: t.id, body: 'Ordered, arrives Monday', visibility: 'public' }, entity: 'comment', id, verify: async (allowed) => {
        const comment = await row('comment', id);
        if (allowed) expect(comment?.data).toMatchObject({ ticketId: t.id, body: 'Ordered, arrives Monday' });
        else expect(comment).toBeUndefined();
      } };
    },
    'worklog.add': async () => {
      const t = await freshTicket();
      const id = randomUUID();
      return { args: { id, ticketId: t.id, minutes: 45, note: 'Installed', onSite: true, startedAt: '2026-11-20T08:00:00.000Z' }, entity: 'worklog', id, verify: async (allowed) => {
        const worklog = await row('worklog', id);
        if (allowed) expect(worklog?.data).toMatchObject({ ticketId: t.id, minutes: 45 });
        else expect(worklog).toBeUndefined();
      } };
    },
    'attachment.add': async () => {
      const t = await freshTicket();
      const id = randomUUID();
      return { args: { id, ticketId: t.id, fileName: 'quote.pdf', mediaType: 'application/pdf', size: 1234, sha256: SHA }, entity: 'attachment', id, verify: async (allowed) => {
        const attachment = await row('attachment', id);
        if (allowed) expect(attachment?.data).toMatchObject({ ticketId: t.id, fileName: 'quote.pdf', uploaded: false });
        else expect(attachment).toBeUndefined();
      } };
    },
    'ticket.linkArticle': async () => {
      const t = await freshTicket();
      return { args: { ticketId: t.id, articleId }, entity: 'ticket', id: t.id, verify: async (allowed) => {
        expect((await row('ticket', t.id))?.data.articleIds).toEqual(allowed ? [articleId] : []);
      } };
    },
    'article.save': async () => {
      const id = randomUUID();
      return { args: { id, baseVersion: null, title: 'Printer shows offline', body: 'Check the cable first.', desk: 'service', language: 'en' }, entity: 'article', id, verify: async (allowed) => {
        const article = await row('article', id);
        if (allowed) expect(article?.data).toMatchObject({ title: 'Printer shows offline', state: 'draft', version: 1 });
        else expect(article).toBeUndefined();
      } };
    },
    'article.setState': async () => {
      const id = await freshDraft();
      return { args: { id, state: 'published' }, entity: 'article', id, verify: async (allowed) => {
        expect((await row('article', id))?.data).toMatchObject(allowed ? { state: 'published', version: 2 } : { state: 'draft', version: 1 });
      } };
    },
    'ticket.bulkAssign': async () => {
      const t1 = await freshTicket();
      const t2 = await freshTicket();
      const to = agentId('agent@example.com');
      return { args: { ticketIds: [t1.id, t2.id], assigneeId: to, expected: { [t1.id]: null, [t2.id]: null } }, entity: 'ticket', id: t1.id, verify: async (allowed, result) => {
        expect((await row('ticket', t1.id))?.data.assigneeId).toBe(allowed ? to : null);
        expect((await row('ticket', t2.id))?.data.assigneeId).toBe(allowed ? to : null);
        if (allowed) expect(result.details?.tickets).toEqual([{ ticketId: t1.id, status: 'applied' }, { ticketId: t2.id, status: 'applied' }]);
      } };
    },
    'shift.handover': async () => {
      // A ticket held by the night shift; a handover to the late shift moves it to a late Service Desk agent.
      const t = await freshTicket();
      const nightAgent = agentId('pavel.sedlacek@switchboard.example');
      const assigned = await setup.push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: nightAgent, expectedAssigneeId: null } });
      expect(assigned.json.results[0].status).toBe('applied');
      return { args: { fromShiftId: shiftId('Night'), toShiftId: shiftId('Late'), strategy: 'balanced', note: 'Night to late' }, entity: 'ticket', id: t.id, verify: async (allowed, result) => {
        const now = (await row('ticket', t.id))?.data.assigneeId;
        if (!allowed) return void expect(now).toBe(nightAgent);
        expect(LATE_SERVICE.map(agentId)).toContain(now);
        expect(result.details?.moved).toContainEqual({ ticketId: t.id, from: nightAgent, to: now });
      } };
    },
  };

  it.each(CASES)('$role running $name is $verdict', async ({ role, name, verdict }) => {
    const fixture = await FIXTURES[name](role);
    const before = await row(fixture.entity, fixture.id);
    const res = await sessions[role].push({ name, args: fixture.args });
    expect(res.status).toBe(200);
    const result = res.json.results[0] as Result;
    if (verdict === 'allowed') {
      expect(result.status).toBe('applied');
    } else {
      expect(result.status).toBe('rejected');
      expect(result.error?.code).toBe('forbidden');
      expect(result.error?.message).toEqual(expect.any(String));
      // Nothing written: the row is exactly as it was (same data, same place in the change log) or still absent.
      expect(await row(fixture.entity, fixture.id)).toEqual(before);
    }
    await fixture.verify(verdict === 'allowed', result);
  });

  it('an agent or a field tech may assign only to themselves or unassign themselves; a supervisor may assign anyone', async () => {
    const colleague = agentId('lucie.prochazkova@switchboard.example');
    for (const role of ['agent', 'field_tech'] as const) {
      const t = await freshTicket();
      const before = await row('ticket', t.id);
      const toOther = await sessions[role].push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: colleague, expectedAssigneeId: null } });
      expect(toOther.json.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      expect(await row('ticket', t.id)).toEqual(before);

      // Unassigning someone else is taking their work away: forbidden too.
      await setup.push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: colleague, expectedAssigneeId: null } });
      const held = await row('ticket', t.id);
      const unassignOther = await sessions[role].push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: null, expectedAssigneeId: colleague } });
      expect(unassignOther.json.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
      expect(await row('ticket', t.id)).toEqual(held);

      // Taking it over is allowed (to self), and so is giving it back up.
      const me = sessions[role].id;
      const take = await sessions[role].push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: me, expectedAssigneeId: colleague } });
      expect(take.json.results[0].status).toBe('applied');
      const release = await sessions[role].push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: null, expectedAssigneeId: me } });
      expect(release.json.results[0].status).toBe('applied');
      expect((await row('ticket', t.id))?.data.assigneeId).toBeNull();
    }
    const t = await freshTicket();
    const bySupervisor = await sessions.supervisor.push({ name: 'ticket.assign', args: { ticketId: t.id, assigneeId: colleague, expectedAssigneeId: null } });
    expect(bySupervisor.json.results[0].status).toBe('applied');
    expect((await row('ticket', t.id))?.data.assigneeId).toBe(colleague);
  });

  it('a field tech touching a Help Desk ticket is forbidden and changes nothing', async () => {
    const [help] = await server.db.query<{ data: Row & { status: string; assigneeId: string | null } }>(
      `SELECT data FROM entities WHERE entity = 'ticket' AND desk = 'help' AND data->>'status' IN ('new', 'open') ORDER BY id LIMIT 1`,
    );
    if (!help) throw new Error('demo data has no open Help Desk ticket');
    const ticket = help.data;
    const before = await row('ticket', ticket.id);
    const tech = sessions.field_tech;
    const ids = { comment: randomUUID(), worklog: randomUUID(), attachment: randomUUID(), created: randomUUID() };
    const res = await tech.push(
      { name: 'comment.add', args: { id: ids.comment, ticketId: ticket.id, body: 'On my way', visibility: 'public' } },
      { name: 'worklog.add', args: { id: ids.worklog, ticketId: ticket.id, minutes: 10, note: 'x', onSite: false, startedAt: '2026-11-20T08:00:00.000Z' } },
      { name: 'attachment.add', args: { id: ids.attachment, ticketId: ticket.id, fileName: 'photo.jpg', mediaType: 'image/jpeg', size: 10, sha256: SHA } },
      { name: 'ticket.update', args: { ticketId: ticket.id, baseVersion: ticket.version, fields: { subject: 'Hijacked' } } },
      { name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: tech.id, expectedAssigneeId: ticket.assigneeId } },
      { name: 'ticket.setStatus', args: { ticketId: ticket.id, status: 'resolved', expectedStatus: ticket.status } },
      { name: 'ticket.linkArticle', args: { ticketId: ticket.id, articleId } },
      { name: 'ticket.create', args: { ...createArgs('help'), id: ids.created } },
    );
    const results = res.json.results as Result[];
    expect(results.map((r) => [r.status, r.error?.code])).toEqual(Array.from({ length: 8 }, () => ['rejected', 'forbidden']));
    expect(await row('ticket', ticket.id)).toEqual(before);
    for (const [entity, id] of [['comment', ids.comment], ['worklog', ids.worklog], ['attachment', ids.attachment], ['ticket', ids.created]] as const) {
      expect(await row(entity, id)).toBeUndefined();
    }
    // The Help Desk ticket is not even readable for the tech.
    expect((await server.call('GET', `/tickets/${ticket.id}/history`, { token: tech.token })).status).toBe(404);
    // The same comment from an agent of both desks applies.
    const agent = await sessions.agent.push({ name: 'comment.add', args: { id: randomUUID(), ticketId: ticket.id, body: 'Calling back', visibility: 'internal' } });
    expect(agent.json.results[0].status).toBe('applied');
  });

  it('an agent edits a draft article but not a published one', async () => {
    const id = await freshDraft();
    const agentEdit = await sessions.agent.push({ name: 'article.save', args: { id, baseVersion: 1, title: 'Resetting a VPN token', body: 'Open the portal, then Tokens.', desk: 'service', language: 'en' } });
    expect(agentEdit.json.results[0].status).toBe('applied');
    const published = await setup.push({ name: 'article.setState', args: { id, state: 'published' } });
    expect(published.json.results[0].status).toBe('applied');
    const before = await row('article', id);
    expect(before?.data).toMatchObject({ state: 'published', version: 3 });
    const late = await sessions.agent.push({ name: 'article.save', args: { id, baseVersion: 3, title: 'Resetting a VPN token', body: 'Rewritten by an agent.', desk: 'service', language: 'en' } });
    expect(late.json.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await row('article', id)).toEqual(before);
    const bySupervisor = await sessions.supervisor.push({ name: 'article.save', args: { id, baseVersion: 3, title: 'Resetting a VPN token', body: 'Reviewed.', desk: 'service', language: 'en' } });
    expect(bySupervisor.json.results[0].status).toBe('applied');
  });
});
