// The schemas turn malformed payloads away and say where the fault is: the push envelope, each
// mutation's args (as the `invalid_request` a rejected mutation carries), and the synced entities.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidRequest } from '../../shared/protocol/errors';
import { MUTATION_NAMES, parseMutation, type MutationName, type RawMutation } from '../../shared/protocol/mutations';
import { PullResponse, PushRequest } from '../../shared/protocol/sync';
import { Agent } from '../../shared/schemas/entities';
import { Ticket } from '../../shared/schemas/ticket';
import { helpCreateArgs, helpTicket, ID, NOW, serviceCreateArgs, serviceTicket, SHA256 } from './fixtures';

const raw = (name: string, args: unknown): RawMutation => ({ id: ID.mutation, seq: 1, name, args, at: NOW });

/** The faulty paths of a rejected mutation, as a client would read them from `details`. */
function faultPaths(name: string, args: unknown): string[] {
  const parsed = parseMutation(raw(name, args));
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return [];
  expect(parsed.error.code).toBe('invalid_request');
  return (parsed.error.details as Array<{ path: string }>).map((d) => d.path);
}

const issuePaths = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => i.path) ?? [];

/** One valid payload of every mutation of PROTOCOL.md's table, written out by hand. */
const VALID: Record<MutationName, unknown> = {
  'ticket.create': serviceCreateArgs,
  'ticket.update': { ticketId: ID.serviceTicket, baseVersion: 1, fields: { subject: 'VPN drops hourly', tags: ['vpn'] } },
  'ticket.assign': { ticketId: ID.serviceTicket, assigneeId: ID.agent, groupId: ID.group, expectedAssigneeId: null },
  'ticket.setStatus': { ticketId: ID.serviceTicket, status: 'resolved', expectedStatus: 'open', resolution: 'Replaced the cable' },
  'comment.add': { id: ID.comment, ticketId: ID.serviceTicket, body: 'Looking into it.', visibility: 'public' },
  'worklog.add': { id: ID.worklog, ticketId: ID.serviceTicket, minutes: 45, note: 'On site', onSite: true, startedAt: NOW },
  'attachment.add': { id: ID.attachment, ticketId: ID.serviceTicket, fileName: 'router.jpg', mediaType: 'image/jpeg', size: 1024, sha256: SHA256 },
  'ticket.linkArticle': { ticketId: ID.serviceTicket, articleId: ID.article },
  'article.save': { id: ID.article, baseVersion: null, title: 'Printer shows offline', body: '…', desk: 'both', language: 'cs' },
  'article.setState': { id: ID.article, state: 'published' },
  'ticket.bulkAssign': { ticketIds: [ID.serviceTicket, ID.helpTicket], assigneeId: ID.agent, expected: { [ID.serviceTicket]: null } },
  'shift.handover': { fromShiftId: ID.dayShift, toShiftId: ID.nightShift, strategy: 'balanced', note: 'Quiet night' },
  'roster.set': { date: '2025-03-04', agentId: ID.agent, shiftId: null },
};

describe('the push envelope', () => {
  const body = { clientId: ID.client, schemaVersion: 1, mutations: [raw('comment.add', VALID['comment.add'])] };

  it('accepts a well-formed push', () => {
    expect(PushRequest.safeParse(body).success).toBe(true);
  });

  it('rejects a push without clientId at path clientId', () => {
    const { clientId: _c, ...noClient } = body;
    expect(issuePaths(PushRequest.safeParse(noClient))).toEqual([['clientId']]);
  });

  it('rejects mutations that are not a list at path mutations', () => {
    expect(issuePaths(PushRequest.safeParse({ ...body, mutations: { 0: body.mutations[0] } }))).toEqual([['mutations']]);
  });

  it('rejects a clientId that is not a UUID and a seq below one, each at its own path', () => {
    const bad = { ...body, clientId: 'my-laptop', mutations: [{ ...body.mutations[0], seq: 0 }] };
    expect(issuePaths(PushRequest.safeParse(bad))).toEqual([['clientId'], ['mutations', 0, 'seq']]);
  });

  it('leaves args unchecked: a bad args is the mutation’s own rejection, not a failed push', () => {
    expect(PushRequest.safeParse({ ...body, mutations: [raw('comment.add', { nonsense: true })] }).success).toBe(true);
  });
});

describe('parseMutation', () => {
  it.each(MUTATION_NAMES)('accepts a valid %s', (name) => {
    const parsed = parseMutation(raw(name, VALID[name]));
    expect(parsed).toMatchObject({ ok: true, mutation: { id: ID.mutation, seq: 1, name, at: NOW } });
  });

  it('covers every mutation of the protocol table', () => {
    expect([...MUTATION_NAMES].sort()).toEqual([
      'article.save', 'article.setState', 'attachment.add', 'comment.add', 'roster.set', 'shift.handover', 'ticket.assign',
      'ticket.bulkAssign', 'ticket.create', 'ticket.linkArticle', 'ticket.setStatus', 'ticket.update', 'worklog.add',
    ]);
  });

  it('rejects an unknown name with invalid_request at path name', () => {
    expect(parseMutation(raw('ticket.delete', { ticketId: ID.serviceTicket }))).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'Unknown mutation "ticket.delete"', details: [{ path: 'name' }] },
    });
  });

  it('does not take an inherited property for a mutation name', () => {
    expect(faultPaths('toString', {})).toEqual(['name']);
  });

  it('rejects a fault on the Service Desk at args.type', () => {
    expect(faultPaths('ticket.create', { ...serviceCreateArgs, type: 'fault' })).toEqual(['args.type']);
  });

  it('rejects a Service Desk channel on the Help Desk at args.channel', () => {
    expect(faultPaths('ticket.create', { ...helpCreateArgs, channel: 'monitoring' })).toEqual(['args.channel']);
  });

  it('rejects a desk that does not exist at args.desk', () => {
    expect(faultPaths('ticket.create', { ...serviceCreateArgs, desk: 'sales' })).toEqual(['args.desk']);
  });

  it('rejects wrong types at their paths', () => {
    expect(faultPaths('worklog.add', { ...(VALID['worklog.add'] as object), minutes: '45', onSite: 'yes' })).toEqual([
      'args.minutes',
      'args.onSite',
    ]);
  });

  it('rejects missing fields at their paths', () => {
    expect(faultPaths('comment.add', { id: ID.comment, ticketId: ID.serviceTicket })).toEqual(['args.body', 'args.visibility']);
  });

  it('rejects a subject over 300 characters and accepts one of exactly 300', () => {
    expect(faultPaths('ticket.create', { ...serviceCreateArgs, subject: 'x'.repeat(301) })).toEqual(['args.subject']);
    expect(parseMutation(raw('ticket.create', { ...serviceCreateArgs, subject: 'x'.repeat(300) })).ok).toBe(true);
  });

  it('rejects a blank subject (whitespace only)', () => {
    expect(faultPaths('ticket.create', { ...serviceCreateArgs, subject: '   ' })).toEqual(['args.subject']);
  });

  it('rejects an invalid requester email at args.requester.email', () => {
    const requester = { ...serviceCreateArgs.requester, email: 'jana.novakova-at-acme' };
    expect(faultPaths('ticket.create', { ...serviceCreateArgs, requester })).toEqual(['args.requester.email']);
  });

  it('rejects a customer as the requester of a Service Desk ticket', () => {
    expect(faultPaths('ticket.create', { ...serviceCreateArgs, requester: helpCreateArgs.requester })).toContain('args.requester.kind');
  });

  it('rejects a ticket.update naming a field that cannot be edited', () => {
    const parsed = parseMutation(raw('ticket.update', { ticketId: ID.serviceTicket, baseVersion: 1, fields: { status: 'closed' } }));
    expect(parsed.ok).toBe(false);
    const details = parsed.ok ? [] : (parsed.error.details as Array<{ path: string; message: string }>);
    expect(new Set(details.map((d) => d.path))).toEqual(new Set(['args.fields']));
    expect(details.map((d) => d.message)).toContain('Unrecognized key: "status"');
  });

  it('rejects a ticket.update with no field at all', () => {
    expect(faultPaths('ticket.update', { ticketId: ID.serviceTicket, baseVersion: 1, fields: {} })).toEqual(['args.fields']);
  });

  it('rejects a negative baseVersion and a non-UUID ticket id', () => {
    expect(faultPaths('ticket.update', { ticketId: 'SD-1042', baseVersion: -1, fields: { subject: 'x' } })).toEqual([
      'args.ticketId',
      'args.baseVersion',
    ]);
  });

  it('rejects a worklog over a day, a bad hash and a bad media type', () => {
    expect(faultPaths('worklog.add', { ...(VALID['worklog.add'] as object), minutes: 24 * 60 + 1 })).toEqual(['args.minutes']);
    expect(faultPaths('attachment.add', { ...(VALID['attachment.add'] as object), sha256: 'ABC', mediaType: 'jpeg' })).toEqual([
      'args.mediaType',
      'args.sha256',
    ]);
  });

  it('rejects a handover strategy that does not exist and an empty bulk assignment', () => {
    expect(faultPaths('shift.handover', { ...(VALID['shift.handover'] as object), strategy: 'random' })).toEqual(['args.strategy']);
    expect(faultPaths('ticket.bulkAssign', { ticketIds: [], assigneeId: ID.agent })).toEqual(['args.ticketIds']);
  });

  it('rejects args that are not an object at path args', () => {
    expect(faultPaths('comment.add', 'hello')).toEqual(['args']);
  });
});

describe('invalidRequest', () => {
  const Shape = z.object({ name: z.string(), items: z.array(z.object({ qty: z.number() })) });

  it('lists each faulty path, in details and in the message', () => {
    const result = Shape.safeParse({ name: 7, items: [{ qty: 1 }, { qty: 'two' }] });
    const error = invalidRequest(result.error as z.ZodError, 'args');
    expect(error.code).toBe('invalid_request');
    expect((error.details as Array<{ path: string }>).map((d) => d.path)).toEqual(['args.name', 'args.items.1.qty']);
    expect(error.message).toBe('Invalid request: args.name, args.items.1.qty');
  });

  it('names the body itself when the fault has no path', () => {
    const error = invalidRequest(Shape.safeParse('text').error as z.ZodError);
    expect(error.details).toEqual([{ path: '', message: expect.any(String) }]);
    expect(error.message).toBe('Invalid request: (body)');
  });
});

describe('synced entities', () => {
  it('accepts the fixture tickets of both desks', () => {
    expect(Ticket.safeParse(serviceTicket()).success).toBe(true);
    expect(Ticket.safeParse(helpTicket()).success).toBe(true);
  });

  it('rejects a Service Desk ticket carrying Help Desk fields', () => {
    const h = helpTicket();
    const mixed = { ...serviceTicket(), type: h.type, channel: 'chat', requester: h.requester, product: h.product };
    const paths = issuePaths(Ticket.safeParse(mixed));
    expect(paths).toEqual(expect.arrayContaining([['type'], ['channel'], ['requester', 'kind']]));
  });

  it('rejects a Help Desk ticket without its customer and with an employee instead', () => {
    const mixed = { ...helpTicket(), requester: serviceTicket().requester };
    expect(issuePaths(Ticket.safeParse(mixed))).toContainEqual(['requester', 'kind']);
  });

  it('rejects a Service Desk ticket without impact and urgency', () => {
    const { impact: _i, urgency: _u, ...partial } = serviceTicket();
    expect(issuePaths(Ticket.safeParse(partial))).toEqual([['impact'], ['urgency']]);
  });

  it('rejects a ticket of an unknown desk at path desk', () => {
    expect(issuePaths(Ticket.safeParse({ ...serviceTicket(), desk: 'sales' }))).toEqual([['desk']]);
  });

  it('rejects a subject over 300 characters and a negative version', () => {
    expect(issuePaths(Ticket.safeParse({ ...serviceTicket(), subject: 's'.repeat(301), version: -1 }))).toEqual([['subject'], ['version']]);
  });

  it('rejects a local time without the UTC marker', () => {
    expect(issuePaths(Ticket.safeParse({ ...serviceTicket(), createdAt: '2025-03-03T10:00:00' }))).toEqual([['createdAt']]);
  });

  it('rejects an agent with no desk or an unknown role', () => {
    const agent = { id: ID.agent, name: 'Alice', email: 'alice@switchboard.test', role: 'agent', desks: ['service'], groupIds: [], shiftId: null };
    expect(Agent.safeParse(agent).success).toBe(true);
    expect(issuePaths(Agent.safeParse({ ...agent, desks: [] }))).toEqual([['desks']]);
    expect(issuePaths(Agent.safeParse({ ...agent, role: 'root' }))).toEqual([['role']]);
  });

  it('validates a pulled row against its own entity kind', () => {
    const page = { cursor: '42', hasMore: false, remaining: 0, changes: [{ entity: 'ticket', id: ID.serviceTicket, op: 'put', data: serviceTicket() }] };
    expect(PullResponse.safeParse(page).success).toBe(true);
    const comment = { id: ID.comment, ticketId: ID.serviceTicket, authorId: null, body: 'hi', visibility: 'public', createdAt: NOW };
    const wrongKind = { ...page, changes: [{ entity: 'ticket', id: ID.comment, op: 'put', data: comment }] };
    expect(PullResponse.safeParse(wrongKind).success).toBe(false);
    const deleted = { ...page, changes: [{ entity: 'comment', id: ID.comment, op: 'delete' }] };
    expect(PullResponse.safeParse(deleted).success).toBe(true);
  });
});
