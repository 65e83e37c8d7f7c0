// Conflict detection per mutation kind (PROTOCOL.md's table). The server raises a conflict only where
// another change landed since the sender's base and disagrees with it; everything else still applies.
// The console's optimistic replay applies the agent's intent and never raises one.
import { describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../shared/protocol/mutations';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { MutationContext } from '../../shared/rules/outcome';
import { Article } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import {
  agents, article, context, expectStatus, ID, LATER, LATEST, mutation, NOW, serviceTicket, SHA256, ticketPut, ticketPuts, ticketWith,
} from './fixtures';

const at = (actor = agents.agent, extra: Partial<MutationContext> = {}) => context(actor, { now: LATEST, ...extra });

/** The server's state after a supervisor retitled the ticket (version 2). */
function retitledOnServer(): Ticket {
  const base = serviceTicket();
  const out = applyMutation(
    mutation('ticket.update', { ticketId: base.id, baseVersion: 1, fields: { subject: 'VPN down for the whole floor' } }),
    context(agents.supervisor, { ticket: base, now: LATER }),
  );
  const t = ticketPut(expectStatus(out, 'applied'));
  expect([t.version, t.fieldVersions]).toEqual([2, { subject: 2 }]);
  return t;
}

const update = (ticket: Ticket, baseVersion: number, fields: ArgsOf<'ticket.update'>['fields'], mode: MutationContext['mode'] = 'authoritative') =>
  applyMutation(mutation('ticket.update', { ticketId: ticket.id, baseVersion, fields }), at(agents.agent, { ticket, mode }));

describe('ticket.update', () => {
  it('conflicts on a field changed on the server since the base, and still applies the other fields', () => {
    const out = expectStatus(update(retitledOnServer(), 1, { subject: 'VPN broken', category: 'Network' }), 'conflict');
    expect(out.fields).toEqual([{ field: 'subject', mine: 'VPN broken', theirs: 'VPN down for the whole floor' }]);
    const written = ticketPut(out);
    expect(written).toMatchObject({ subject: 'VPN down for the whole floor', category: 'Network', version: 3, updatedAt: LATEST });
    expect(written.fieldVersions).toEqual({ subject: 2, category: 3 });
    expect(out.current).toEqual(written);
  });

  it('records what each side wanted in the audit history', () => {
    const out = expectStatus(update(retitledOnServer(), 1, { subject: 'VPN broken', category: 'Network' }), 'conflict');
    expect(out.audit).toEqual([
      {
        ticketId: ID.serviceTicket,
        outcome: 'conflict',
        before: { category: null, subject: 'VPN down for the whole floor' },
        after: { category: 'Network', subject: 'VPN broken' },
      },
    ]);
  });

  it('writes nothing when every field sent is in conflict', () => {
    const out = expectStatus(update(retitledOnServer(), 1, { subject: 'VPN broken' }), 'conflict');
    expect(out.puts).toEqual([]);
    expect(out.current).toMatchObject({ subject: 'VPN down for the whole floor', version: 2 });
  });

  it('does not conflict when the server changed the field to the very value sent', () => {
    const out = expectStatus(update(retitledOnServer(), 1, { subject: 'VPN down for the whole floor' }), 'applied');
    expect(out.puts).toEqual([]);
    expect(out.version).toBe(2);
  });

  it('applies a field the server has not changed since the base', () => {
    const out = expectStatus(update(retitledOnServer(), 1, { description: 'Also on Wi-Fi.' }), 'applied');
    expect(ticketPut(out)).toMatchObject({ subject: 'VPN down for the whole floor', description: 'Also on Wi-Fi.', version: 3 });
  });

  it('applies a change made on top of the server’s latest version', () => {
    const out = expectStatus(update(retitledOnServer(), 2, { subject: 'VPN broken' }), 'applied');
    expect(ticketPut(out)).toMatchObject({ subject: 'VPN broken', version: 3, fieldVersions: { subject: 3 } });
  });

  it('optimistic mode applies mine over the newer value without a conflict', () => {
    const out = expectStatus(update(retitledOnServer(), 1, { subject: 'VPN broken' }, 'optimistic'), 'applied');
    expect(ticketPut(out)).toMatchObject({ subject: 'VPN broken', version: 3 });
  });

  it('rejects a field of the other desk and a type of the other desk', () => {
    const t = serviceTicket();
    expect(expectStatus(update(t, 1, { product: 'Router X' }), 'rejected').error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'args.fields.product' }],
    });
    expect(expectStatus(update(t, 1, { type: 'fault' }), 'rejected').error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'args.fields.type' }],
    });
  });

  it('rejects an unknown ticket as not_found', () => {
    const out = applyMutation(mutation('ticket.update', { ticketId: ID.serviceTicket, baseVersion: 1, fields: { subject: 'x' } }), at(agents.agent, { ticket: null }));
    expect(expectStatus(out, 'rejected').error.code).toBe('not_found');
  });
});

describe('ticket.assign', () => {
  /** A supervisor gave the ticket to Otto while the field tech was offline. */
  const reassigned = () => ticketWith(serviceTicket(), { assigneeId: ID.otherAgent, version: 2, fieldVersions: { assigneeId: 2 } });
  const take = (ticket: Ticket, mode: MutationContext['mode'] = 'authoritative') =>
    applyMutation(
      mutation('ticket.assign', { ticketId: ticket.id, assigneeId: ID.fieldTech, expectedAssigneeId: null }),
      at(agents.fieldTech, { ticket, mode }),
    );

  it('conflicts when the current assignee is not the expected one: the supervisor’s reassignment wins', () => {
    const out = expectStatus(take(reassigned()), 'conflict');
    expect(out.fields).toEqual([{ field: 'assigneeId', mine: ID.fieldTech, theirs: ID.otherAgent }]);
    expect(out.puts).toEqual([]);
    expect(out.current).toMatchObject({ assigneeId: ID.otherAgent, version: 2 });
    expect(out.audit).toEqual([
      { ticketId: ID.serviceTicket, outcome: 'conflict', before: { assigneeId: ID.otherAgent }, after: { assigneeId: ID.fieldTech } },
    ]);
  });

  it('is an applied no-op when the ticket already has the wanted assignee', () => {
    const t = ticketWith(serviceTicket(), { assigneeId: ID.fieldTech, version: 2 });
    const out = expectStatus(take(t), 'applied');
    expect(out.puts).toEqual([]);
    expect(out.version).toBe(2);
  });

  it('applies when the expected assignee is still there', () => {
    const out = expectStatus(take(serviceTicket()), 'applied');
    expect(ticketPut(out)).toMatchObject({ assigneeId: ID.fieldTech, version: 2, fieldVersions: { assigneeId: 2 } });
    expect(out.audit).toEqual([{ ticketId: ID.serviceTicket, outcome: 'applied', before: { assigneeId: null }, after: { assigneeId: ID.fieldTech } }]);
  });

  it('applies a group change when the ticket already has the wanted assignee, even from a stale expectation', () => {
    const t = ticketWith(serviceTicket(), { assigneeId: ID.fieldTech, version: 2 });
    const out = applyMutation(
      mutation('ticket.assign', { ticketId: t.id, assigneeId: ID.fieldTech, groupId: ID.group, expectedAssigneeId: null }),
      at(agents.supervisor, { ticket: t }),
    );
    expect(ticketPut(expectStatus(out, 'applied'))).toMatchObject({ assigneeId: ID.fieldTech, groupId: ID.group, version: 3 });
  });

  it('optimistic mode takes the ticket without a conflict', () => {
    expect(ticketPut(expectStatus(take(reassigned(), 'optimistic'), 'applied')).assigneeId).toBe(ID.fieldTech);
  });
});

describe('ticket.setStatus', () => {
  const setStatus = (ticket: Ticket, status: Ticket['status'], expectedStatus: Ticket['status'], mode: MutationContext['mode'] = 'authoritative') =>
    applyMutation(mutation('ticket.setStatus', { ticketId: ticket.id, status, expectedStatus }), at(agents.agent, { ticket, mode }));

  it('conflicts when the current status is not the expected one', () => {
    const opened = ticketWith(serviceTicket(), { status: 'open', version: 2 });
    const out = expectStatus(setStatus(opened, 'pending', 'new'), 'conflict');
    expect(out.fields).toEqual([{ field: 'status', mine: 'pending', theirs: 'open' }]);
    expect(out.puts).toEqual([]);
  });

  it('optimistic mode moves on from the newer status without a conflict', () => {
    const opened = ticketWith(serviceTicket(), { status: 'open', version: 2 });
    expect(ticketPut(expectStatus(setStatus(opened, 'pending', 'new', 'optimistic'), 'applied')).status).toBe('pending');
  });

  it('rejects an illegal transition as invalid_request at args.status', () => {
    const out = setStatus(serviceTicket(), 'closed', 'new');
    expect(expectStatus(out, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.status' }] });
  });

  it('keeps a closed ticket closed', () => {
    const closed = ticketWith(serviceTicket(), { status: 'closed', version: 4 });
    for (const status of ['new', 'open', 'pending', 'on_hold', 'resolved'] as const) {
      expect(expectStatus(setStatus(closed, status, 'closed'), 'rejected').error.code).toBe('invalid_request');
      expect(setStatus(closed, status, 'closed', 'optimistic').status).toBe('rejected');
    }
  });

  it('reopens a resolved ticket', () => {
    const resolved = ticketWith(serviceTicket(), { status: 'resolved', version: 3 });
    expect(ticketPut(expectStatus(setStatus(resolved, 'open', 'resolved'), 'applied'))).toMatchObject({ status: 'open', version: 4 });
  });

  it('is an applied no-op when the ticket already has the wanted status', () => {
    const opened = ticketWith(serviceTicket(), { status: 'open', version: 2 });
    expect(expectStatus(setStatus(opened, 'open', 'new'), 'applied').puts).toEqual([]);
  });
});

describe('appends never conflict', () => {
  /** A ticket that moved on a lot since the sender last saw it. */
  const movedOn = () => ticketWith(serviceTicket(), { status: 'on_hold', assigneeId: ID.otherAgent, version: 9, fieldVersions: { status: 9, assigneeId: 8 } });

  it('comment.add applies on any version and writes the comment', () => {
    const out = applyMutation(
      mutation('comment.add', { id: ID.comment, ticketId: ID.serviceTicket, body: 'Checked the switch.', visibility: 'internal' }),
      at(agents.fieldTech, { ticket: movedOn() }),
    );
    expect(expectStatus(out, 'applied').puts).toEqual([
      {
        entity: 'comment',
        id: ID.comment,
        op: 'put',
        data: { id: ID.comment, ticketId: ID.serviceTicket, authorId: ID.fieldTech, body: 'Checked the switch.', visibility: 'internal', createdAt: LATEST },
      },
    ]);
  });

  it('worklog.add applies on any version and writes the worklog', () => {
    const out = applyMutation(
      mutation('worklog.add', { id: ID.worklog, ticketId: ID.serviceTicket, minutes: 90, note: 'Replaced the switch', onSite: true, startedAt: NOW }),
      at(agents.fieldTech, { ticket: movedOn() }),
    );
    expect(expectStatus(out, 'applied').puts).toEqual([
      {
        entity: 'worklog',
        id: ID.worklog,
        op: 'put',
        data: {
          id: ID.worklog, ticketId: ID.serviceTicket, agentId: ID.fieldTech, minutes: 90, note: 'Replaced the switch', onSite: true, startedAt: NOW, createdAt: LATEST,
        },
      },
    ]);
  });

  it('ticket.linkArticle applies on any version, once', () => {
    const link = mutation('ticket.linkArticle', { ticketId: ID.serviceTicket, articleId: ID.article });
    const linked = ticketPut(expectStatus(applyMutation(link, at(agents.agent, { ticket: movedOn(), article })), 'applied'));
    expect(linked).toMatchObject({ articleIds: [ID.article], version: 10, fieldVersions: { status: 9, assigneeId: 8, articleIds: 10 } });
    expect(expectStatus(applyMutation(link, at(agents.agent, { ticket: linked, article })), 'applied').puts).toEqual([]);
  });

  it('ticket.linkArticle rejects an article that does not exist', () => {
    const out = applyMutation(mutation('ticket.linkArticle', { ticketId: ID.serviceTicket, articleId: ID.article }), at(agents.agent, { ticket: movedOn(), article: null }));
    expect(expectStatus(out, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.articleId' }] });
  });

  it('a re-sent append that is already stored is applied and writes nothing', () => {
    const out = applyMutation(
      mutation('comment.add', { id: ID.comment, ticketId: ID.serviceTicket, body: 'Again', visibility: 'public' }),
      at(agents.agent, { ticket: movedOn(), exists: true }),
    );
    expect(expectStatus(out, 'applied').puts).toEqual([]);
  });

  it('an append to a ticket that does not exist is not_found', () => {
    const out = applyMutation(mutation('comment.add', { id: ID.comment, ticketId: ID.serviceTicket, body: 'Hi', visibility: 'public' }), at(agents.agent, { ticket: null }));
    expect(expectStatus(out, 'rejected').error.code).toBe('not_found');
  });
});

describe('attachment.add', () => {
  const attach = (size: number) =>
    applyMutation(
      mutation('attachment.add', { id: ID.attachment, ticketId: ID.serviceTicket, fileName: 'scan.pdf', mediaType: 'application/pdf', size, sha256: SHA256 }),
      at(agents.fieldTech, { ticket: serviceTicket() }),
    );

  it('rejects a file over 25 MB as too_large, writing nothing', () => {
    const out = attach(26_214_401);
    expect(out).toEqual({ status: 'rejected', error: { code: 'too_large', message: expect.any(String), details: [{ path: 'args.size' }] } });
  });

  it('accepts a file of exactly 25 MB, not yet uploaded', () => {
    const out = expectStatus(attach(26_214_400), 'applied');
    expect(out.puts).toEqual([
      {
        entity: 'attachment',
        id: ID.attachment,
        op: 'put',
        data: {
          id: ID.attachment, ticketId: ID.serviceTicket, fileName: 'scan.pdf', mediaType: 'application/pdf', size: 26_214_400, sha256: SHA256,
          uploaded: false, createdBy: ID.fieldTech, createdAt: LATEST,
        },
      },
    ]);
  });
});

describe('article.save', () => {
  /** Version 4 on the server: a supervisor rewrote the body after the agent read version 3. */
  const rewritten = Article.parse({ ...article, body: 'Update the driver to 5.2, then restart the spooler.', version: 4 });
  const save = (current: Article, baseVersion: number, title: string, body: string, mode: MutationContext['mode'] = 'authoritative') =>
    applyMutation(
      mutation('article.save', { id: ID.article, baseVersion, title, body, desk: 'service', language: 'en', category: 'Printing', tags: ['printer'] }),
      at(agents.agent, { article: current, mode }),
    );

  it('conflicts when changed since the base, listing every field that differs', () => {
    const out = expectStatus(save(rewritten, 3, 'Printer offline after update', article.body), 'conflict');
    expect(out.fields).toEqual([
      { field: 'title', mine: 'Printer offline after update', theirs: 'Printer shows offline' },
      { field: 'body', mine: 'Restart the print spooler, then re-add the printer.', theirs: 'Update the driver to 5.2, then restart the spooler.' },
    ]);
    expect(out.puts).toEqual([]);
    expect(out.current).toEqual(rewritten);
  });

  it('conflicts on a single differing field too', () => {
    const out = expectStatus(save(rewritten, 3, rewritten.title, article.body), 'conflict');
    expect(out.fields.map((f) => f.field)).toEqual(['body']);
  });

  it('applies when saved on top of the current version', () => {
    const out = expectStatus(save(rewritten, 4, 'Printer offline after update', rewritten.body), 'applied');
    expect(out.puts[0]?.data).toMatchObject({ title: 'Printer offline after update', version: 5, updatedAt: LATEST });
  });

  it('applies when changed since the base but both sides hold the same content', () => {
    expect(save(rewritten, 3, rewritten.title, rewritten.body).status).toBe('applied');
  });

  it('optimistic mode saves mine without a conflict', () => {
    const out = expectStatus(save(rewritten, 3, 'Printer offline after update', article.body, 'optimistic'), 'applied');
    expect(out.puts[0]?.data).toMatchObject({ title: 'Printer offline after update', body: article.body, version: 5 });
  });
});

describe('ticket.bulkAssign', () => {
  const T1 = '0195b3a0-1c00-7d00-bd00-0000000001c1';
  const T2 = '0195b3a0-1c00-7d00-bd00-0000000001c2';
  const T3 = '0195b3a0-1c00-7d00-bd00-0000000001c3';
  const MISSING = '0195b3a0-1c00-7d00-bd00-0000000001c4';
  const tickets = () =>
    new Map<string, Ticket>([
      [T1, serviceTicket({ id: T1 })],
      [T2, ticketWith(serviceTicket({ id: T2 }), { assigneeId: ID.otherAgent, version: 2 })],
      [T3, serviceTicket({ id: T3 })],
    ]);
  const bulk = (mode: MutationContext['mode'] = 'authoritative') =>
    applyMutation(
      mutation('ticket.bulkAssign', { ticketIds: [T1, T2, T3, MISSING], assigneeId: ID.agent, expected: { [T1]: null, [T2]: null, [T3]: null } }),
      at(agents.supervisor, { tickets: tickets(), mode }),
    );

  it('applies per ticket: a ticket whose assignee differs from expected is a conflict left as it is', () => {
    const out = expectStatus(bulk(), 'applied');
    expect(out.details).toEqual({
      tickets: [
        { ticketId: T1, status: 'applied' },
        { ticketId: T2, status: 'conflict' },
        { ticketId: T3, status: 'applied' },
        { ticketId: MISSING, status: 'rejected', error: { code: 'not_found', message: 'No such ticket' } },
      ],
    });
    expect(ticketPuts(out).map((t) => [t.id, t.assigneeId, t.version])).toEqual([
      [T1, ID.agent, 2],
      [T3, ID.agent, 2],
    ]);
    expect(out.audit.map((a) => [a.ticketId, a.outcome])).toEqual([
      [T1, 'applied'],
      [T2, 'conflict'],
      [T3, 'applied'],
    ]);
  });

  it('moves a ticket whatever its assignee when no expectation is sent for it', () => {
    const out = applyMutation(
      mutation('ticket.bulkAssign', { ticketIds: [T2], assigneeId: ID.agent }),
      at(agents.supervisor, { tickets: tickets() }),
    );
    expect(ticketPuts(expectStatus(out, 'applied')).map((t) => t.assigneeId)).toEqual([ID.agent]);
  });

  it('optimistic mode assigns all present tickets without conflicts', () => {
    const out = expectStatus(bulk('optimistic'), 'applied');
    expect(ticketPuts(out).map((t) => t.id)).toEqual([T1, T2, T3]);
  });
});
