// Who may run what: the role table cell by cell, the desks each role works, self-assignment for agents
// and field techs, and who may edit published knowledge. A forbidden mutation is always a `rejected`
// with code `forbidden` that writes nothing, never a silent no-op.
import { describe, expect, it } from 'vitest';
import type { Mutation, MutationName } from '../../shared/protocol/mutations';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { MutationContext, Outcome } from '../../shared/rules/outcome';
import { desksOf, mayRun } from '../../shared/rules/permissions';
import type { Agent, Role } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import {
  agents, article, context, dayShift, expectStatus, helpCreateArgs, helpTicket, ID, makeAgent, mutation, nightShift, NOW, publishedArticle,
  serviceCreateArgs, serviceTicket, SHA256, ticketPut, ticketWith,
} from './fixtures';

const T = true;
const F = false;
/** Written from the rule set, not from the code: [mutation, agent, field_tech, supervisor, admin]. */
const TABLE: Array<[MutationName, boolean, boolean, boolean, boolean]> = [
  ['ticket.create', T, T, T, T],
  ['ticket.update', T, T, T, T],
  ['ticket.assign', T, T, T, T],
  ['ticket.setStatus', T, T, T, T],
  ['comment.add', T, T, T, T],
  ['worklog.add', T, T, T, T],
  ['attachment.add', T, T, T, T],
  ['ticket.linkArticle', T, T, T, T],
  ['article.save', T, F, T, T],
  ['article.setState', F, F, T, T],
  ['ticket.bulkAssign', F, F, T, T],
  ['shift.handover', F, F, T, T],
  ['roster.set', F, F, T, T],
];
const ROLE_ORDER: Role[] = ['agent', 'field_tech', 'supervisor', 'admin'];
const actorOf: Record<Role, Agent> = { agent: agents.agent, field_tech: agents.fieldTech, supervisor: agents.supervisor, admin: agents.admin };

const CELLS = TABLE.flatMap(([name, ...allowed]) => ROLE_ORDER.map((role, i) => [role, name, allowed[i] as boolean] as const));

/** A mutation that succeeds whenever the role may run it, on a Service Desk ticket, with its context. */
function attempt(name: MutationName, actor: Agent, ticket: Ticket = serviceTicket()): { m: Mutation; ctx: MutationContext } {
  const ctx = context(actor, { ticket, article });
  const id = ticket.id;
  switch (name) {
    case 'ticket.create': {
      const args = ticket.desk === 'service' ? serviceCreateArgs : helpCreateArgs;
      return { m: mutation(name, args), ctx: context(actor, { ticket: null }) };
    }
    case 'ticket.update': return { m: mutation(name, { ticketId: id, baseVersion: 1, fields: { subject: 'Edited subject' } }), ctx };
    case 'ticket.assign': return { m: mutation(name, { ticketId: id, assigneeId: actor.id, expectedAssigneeId: null }), ctx };
    case 'ticket.setStatus': return { m: mutation(name, { ticketId: id, status: 'open', expectedStatus: 'new' }), ctx };
    case 'comment.add': return { m: mutation(name, { id: ID.comment, ticketId: id, body: 'On it.', visibility: 'internal' }), ctx };
    case 'worklog.add': return { m: mutation(name, { id: ID.worklog, ticketId: id, minutes: 30, note: 'Checked cabling', onSite: true, startedAt: NOW }), ctx };
    case 'attachment.add': return { m: mutation(name, { id: ID.attachment, ticketId: id, fileName: 'photo.jpg', mediaType: 'image/jpeg', size: 2048, sha256: SHA256 }), ctx };
    case 'ticket.linkArticle': return { m: mutation(name, { ticketId: id, articleId: ID.article }), ctx };
    case 'article.save': return { m: mutation(name, { id: ID.article, baseVersion: 3, title: 'Printer offline', body: 'Restart it.', desk: 'service', language: 'en' }), ctx };
    case 'article.setState': return { m: mutation(name, { id: ID.article, state: 'published' }), ctx };
    case 'ticket.bulkAssign': return { m: mutation(name, { ticketIds: [id], assigneeId: actor.id }), ctx: context(actor, { tickets: new Map([[id, ticket]]) }) };
    case 'shift.handover': return { m: mutation(name, { fromShiftId: ID.dayShift, toShiftId: ID.nightShift, strategy: 'balanced' }), ctx: context(actor, { tickets: new Map(), shifts: new Map([dayShift, nightShift].map((s) => [s.id, s])) }) };
    case 'roster.set': return { m: mutation(name, { date: '2025-03-04', agentId: ID.otherAgent, shiftId: ID.nightShift }), ctx };
  }
}

const run = (name: MutationName, actor: Agent, ticket?: Ticket): Outcome => {
  const { m, ctx } = attempt(name, actor, ticket);
  return applyMutation(m, ctx);
};

function expectForbidden(outcome: Outcome) {
  expect(outcome).toEqual({ status: 'rejected', error: { code: 'forbidden', message: expect.any(String) } });
  expect(outcome).not.toHaveProperty('puts');
}

const TICKET_WORK = TABLE.slice(0, 8).map(([name]) => name);

describe('the role table', () => {
  it.each(CELLS)('%s may run %s: %s', (role, name, allowed) => {
    expect(mayRun(actorOf[role], name)).toBe(allowed);
  });

  it.each(CELLS)('%s running %s through applyMutation (allowed: %s)', (role, name, allowed) => {
    const outcome = run(name, actorOf[role]);
    if (allowed) expect(outcome.status, JSON.stringify(outcome)).toBe('applied');
    else expectForbidden(outcome);
  });
});

describe('the desks each role works', () => {
  it('an agent works the desks of its profile', () => {
    expect(desksOf(agents.agent)).toEqual(['service', 'help']);
    expect(desksOf(agents.helpAgent)).toEqual(['help']);
  });

  it('an admin sees both desks whatever its profile says', () => {
    expect(desksOf(agents.admin)).toEqual(['service', 'help']);
  });

  it('a field tech works the Service Desk only, whatever its profile says', () => {
    expect(desksOf(agents.fieldTech)).toEqual(['service']);
    const helpListed = makeAgent({ id: ID.fieldTech, name: 'Filip Field', role: 'field_tech', desks: ['help'] });
    expect(desksOf(helpListed)).toEqual(['service']);
    expect(run('comment.add', helpListed).status).toBe('applied');
    expectForbidden(run('comment.add', helpListed, helpTicket()));
  });

  it.each(TICKET_WORK)('a field tech may not run %s on a Help Desk ticket', (name) => {
    expectForbidden(run(name, agents.fieldTech, helpTicket()));
  });

  it.each(TICKET_WORK)('a Help-Desk-only agent may not run %s on a Service Desk ticket', (name) => {
    expectForbidden(run(name, agents.helpAgent, serviceTicket()));
  });

  it.each(TICKET_WORK)('an admin whose profile lists only the Service Desk may run %s on a Help Desk ticket', (name) => {
    expect(run(name, agents.admin, helpTicket()).status).toBe('applied');
  });

  it('a supervisor may not bulk-assign a ticket of a desk it does not work: a per-ticket forbidden', () => {
    const serviceSupervisor = makeAgent({ id: ID.supervisor, name: 'Sara Supervisor', role: 'supervisor', desks: ['service'] });
    const h = helpTicket();
    const outcome = applyMutation(
      mutation('ticket.bulkAssign', { ticketIds: [h.id], assigneeId: ID.agent }),
      context(serviceSupervisor, { tickets: new Map([[h.id, h]]) }),
    );
    const applied = expectStatus(outcome, 'applied');
    expect(applied.puts).toEqual([]);
    expect(applied.details).toEqual({ tickets: [{ ticketId: h.id, status: 'rejected', error: { code: 'forbidden', message: expect.any(String) } }] });
  });
});

describe('assigning', () => {
  const assign = (actor: Agent, ticket: Ticket, assigneeId: string | null, expectedAssigneeId: string | null) =>
    applyMutation(mutation('ticket.assign', { ticketId: ticket.id, assigneeId, expectedAssigneeId }), context(actor, { ticket }));

  it.each([agents.agent, agents.fieldTech])('$role may take a ticket for self', (actor) => {
    expect(ticketPut(expectStatus(assign(actor, serviceTicket(), actor.id, null), 'applied')).assigneeId).toBe(actor.id);
  });

  it.each([agents.agent, agents.fieldTech])('$role may take over a colleague’s ticket for self', (actor) => {
    const t = ticketWith(serviceTicket(), { assigneeId: ID.otherAgent });
    expect(ticketPut(expectStatus(assign(actor, t, actor.id, ID.otherAgent), 'applied')).assigneeId).toBe(actor.id);
  });

  it.each([agents.agent, agents.fieldTech])('$role may not assign a ticket to someone else', (actor) => {
    expectForbidden(assign(actor, serviceTicket(), ID.otherAgent, null));
  });

  it.each([agents.agent, agents.fieldTech])('$role may unassign self', (actor) => {
    const t = ticketWith(serviceTicket(), { assigneeId: actor.id });
    expect(ticketPut(expectStatus(assign(actor, t, null, actor.id), 'applied')).assigneeId).toBeNull();
  });

  it.each([agents.agent, agents.fieldTech])('$role may not unassign someone else', (actor) => {
    const t = ticketWith(serviceTicket(), { assigneeId: ID.otherAgent });
    expectForbidden(assign(actor, t, null, ID.otherAgent));
  });

  it('an agent claiming to unassign self from a colleague’s ticket gets a conflict and changes nothing', () => {
    const t = ticketWith(serviceTicket(), { assigneeId: ID.otherAgent });
    const outcome = expectStatus(assign(agents.agent, t, null, ID.agent), 'conflict');
    expect(outcome.puts).toEqual([]);
    expect(outcome.fields).toEqual([{ field: 'assigneeId', mine: null, theirs: ID.otherAgent }]);
  });

  it.each([agents.supervisor, agents.admin])('$role may assign anyone', (actor) => {
    expect(ticketPut(expectStatus(assign(actor, serviceTicket(), ID.otherAgent, null), 'applied')).assigneeId).toBe(ID.otherAgent);
  });

  it('nobody may assign a ticket to an agent who does not work its desk', () => {
    const toHelpOnly = assign(agents.supervisor, serviceTicket(), ID.helpAgent, null);
    expect(expectStatus(toHelpOnly, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.assigneeId' }] });
    const toFieldTech = assign(agents.supervisor, helpTicket(), ID.fieldTech, null);
    expect(expectStatus(toFieldTech, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.assigneeId' }] });
  });
});

describe('editing knowledge', () => {
  const save = (actor: Agent, current: typeof article | null, desk: 'service' | 'help' | 'both' = 'service') =>
    applyMutation(
      mutation('article.save', { id: ID.article, baseVersion: current?.version ?? null, title: 'Printer offline', body: 'Restart it.', desk, language: 'en' }),
      context(actor, { article: current }),
    );

  it('an agent may edit a draft', () => {
    const out = expectStatus(save(agents.agent, article), 'applied');
    expect(out.puts).toEqual([{ entity: 'article', id: ID.article, op: 'put', data: expect.objectContaining({ title: 'Printer offline', state: 'draft', version: 4 }) }]);
  });

  it('an agent may write a new article, which starts as its own draft', () => {
    const out = expectStatus(save(agents.agent, null, 'both'), 'applied');
    expect(out.puts[0]?.data).toMatchObject({ state: 'draft', authorId: ID.agent, version: 1, desk: 'both' });
  });

  it('an agent may not edit a published article', () => {
    expectForbidden(save(agents.agent, publishedArticle));
  });

  it('an agent may not edit an archived article', () => {
    expectForbidden(save(agents.agent, { ...article, state: 'archived' }));
  });

  it('a supervisor may edit a published article, which stays published', () => {
    const out = expectStatus(save(agents.supervisor, publishedArticle), 'applied');
    expect(out.puts[0]?.data).toMatchObject({ title: 'Printer offline', state: 'published', version: 4 });
  });

  it('an agent may not publish, a supervisor may', () => {
    const publish = (actor: Agent) => applyMutation(mutation('article.setState', { id: ID.article, state: 'published' }), context(actor, { article }));
    expectForbidden(publish(agents.agent));
    expect(expectStatus(publish(agents.supervisor), 'applied').puts[0]?.data).toMatchObject({ state: 'published', version: 4 });
  });

  it('a Help-Desk-only agent may neither write for the Service Desk nor move a Service Desk article to its own desk', () => {
    expectForbidden(save(agents.helpAgent, null, 'service'));
    expectForbidden(save(agents.helpAgent, article, 'help'));
    expect(save(agents.helpAgent, null, 'help').status).toBe('applied');
  });
});
