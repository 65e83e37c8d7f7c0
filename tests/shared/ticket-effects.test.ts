// What an applied ticket change does besides the field itself: the version rises by one and stamps
// fieldVersions (the base of conflict detection), pending pauses the SLA, the first public reply stops
// the first-response clock, and Service Desk priority follows the ITIL matrix unless overridden with a reason.
import { describe, expect, it } from 'vitest';
import type { ArgsOf, Mutation } from '../../shared/protocol/mutations';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { Ticket } from '../../shared/schemas/ticket';
import {
  agents, article, context, expectStatus, helpTicket, ID, LATER, LATEST, mutation, serviceTicket, ticketPut, ticketPuts,
} from './fixtures';

const run = (ticket: Ticket, m: Mutation, now = LATER) => applyMutation(m, context(agents.agent, { ticket, now, article }));
const update = (ticket: Ticket, fields: ArgsOf<'ticket.update'>['fields'], now = LATER) =>
  run(ticket, mutation('ticket.update', { ticketId: ticket.id, baseVersion: ticket.version, fields }), now);
const setStatus = (ticket: Ticket, status: Ticket['status'], now = LATER) =>
  run(ticket, mutation('ticket.setStatus', { ticketId: ticket.id, status, expectedStatus: ticket.status }), now);
const comment = (ticket: Ticket, visibility: 'public' | 'internal', now = LATER) =>
  run(ticket, mutation('comment.add', { id: ID.comment, ticketId: ticket.id, body: 'We are on it.', visibility }), now);

describe('versions', () => {
  it('every applied ticket change raises the version by one and stamps the changed fields with it', () => {
    let t: Ticket = serviceTicket();
    t = ticketPut(update(t, { subject: 'VPN drops hourly' }));
    expect([t.version, t.fieldVersions]).toEqual([2, { subject: 2 }]);
    t = ticketPut(run(t, mutation('ticket.assign', { ticketId: t.id, assigneeId: ID.agent, expectedAssigneeId: null })));
    expect([t.version, t.fieldVersions]).toEqual([3, { subject: 2, assigneeId: 3 }]);
    t = ticketPut(setStatus(t, 'open'));
    expect([t.version, t.fieldVersions]).toEqual([4, { subject: 2, assigneeId: 3, status: 4 }]);
    t = ticketPut(run(t, mutation('ticket.linkArticle', { ticketId: t.id, articleId: ID.article })));
    expect([t.version, t.fieldVersions]).toEqual([5, { subject: 2, assigneeId: 3, status: 4, articleIds: 5 }]);
    t = ticketPut(comment(t, 'public'));
    expect([t.version, t.fieldVersions]).toEqual([6, { subject: 2, assigneeId: 3, status: 4, articleIds: 5, sla: 6 }]);
    t = ticketPut(update(t, { subject: 'VPN drops every hour', tags: ['vpn'] }, LATEST));
    expect([t.version, t.fieldVersions]).toEqual([7, { subject: 7, assigneeId: 3, status: 4, articleIds: 5, sla: 6, tags: 7 }]);
    expect(t.updatedAt).toBe(LATEST);
  });

  it('stamps only the fields whose value changed', () => {
    const t = ticketPut(update(serviceTicket(), { subject: 'VPN drops hourly', description: 'Since this morning the VPN client disconnects.' }));
    expect(t.fieldVersions).toEqual({ subject: 2 });
  });

  it('an update that changes nothing writes nothing and keeps the version', () => {
    const out = expectStatus(update(serviceTicket(), { subject: 'VPN drops every few minutes' }), 'applied');
    expect(out.puts).toEqual([]);
    expect(out.audit).toEqual([]);
    expect(out.version).toBe(1);
  });
});

describe('SLA pauses', () => {
  it('pending opens a pause that holds the resolution clock, and leaving pending closes it', () => {
    const pending = ticketPut(setStatus(serviceTicket(), 'pending', LATER));
    expect(pending.sla).toEqual({
      firstResponseDueAt: '2025-03-03T11:00:00.000Z', // the first response is owed whatever the requester does
      resolutionDueAt: null, // due when the requester answers
      firstResponseAt: null,
      resolvedAt: null,
      pauses: [{ from: LATER, to: null }],
    });
    const reopened = ticketPut(setStatus(pending, 'open', LATEST));
    expect(reopened.sla.pauses).toEqual([{ from: LATER, to: LATEST }]);
    // 24 h of P3 target, plus the hour spent waiting on the requester.
    expect(reopened.sla.resolutionDueAt).toBe('2025-03-04T10:00:00.000Z');
  });

  it('on hold does not pause the clock', () => {
    const held = ticketPut(setStatus(serviceTicket(), 'on_hold'));
    expect(held.sla.pauses).toEqual([]);
    expect(held.sla.resolutionDueAt).toBe('2025-03-04T09:00:00.000Z');
  });

  it('going from pending to on hold closes the pause', () => {
    const pending = ticketPut(setStatus(serviceTicket(), 'pending', LATER));
    expect(ticketPut(setStatus(pending, 'on_hold', LATEST)).sla.pauses).toEqual([{ from: LATER, to: LATEST }]);
  });

  it('resolving stamps resolvedAt and the resolution; reopening clears resolvedAt', () => {
    const t = serviceTicket();
    const resolved = ticketPut(
      run(t, mutation('ticket.setStatus', { ticketId: t.id, status: 'resolved', expectedStatus: 'new', resolution: 'Reinstalled the client' })),
    );
    expect([resolved.status, resolved.resolution, resolved.sla.resolvedAt]).toEqual(['resolved', 'Reinstalled the client', LATER]);
    const closed = ticketPut(setStatus(resolved, 'closed', LATEST));
    expect(closed.sla.resolvedAt).toBe(LATER);
    expect(ticketPut(setStatus(resolved, 'open', LATEST)).sla.resolvedAt).toBeNull();
  });
});

describe('first response', () => {
  it('the first public comment sets firstResponseAt', () => {
    const out = expectStatus(comment(serviceTicket(), 'public', LATER), 'applied');
    expect(out.puts.map((p) => p.entity)).toEqual(['comment', 'ticket']);
    expect(ticketPut(out).sla.firstResponseAt).toBe(LATER);
  });

  it('an internal note does not', () => {
    const out = expectStatus(comment(serviceTicket(), 'internal'), 'applied');
    expect(ticketPuts(out)).toEqual([]);
  });

  it('a later public comment leaves the first response where it was', () => {
    const answered = ticketPut(comment(serviceTicket(), 'public', LATER));
    const out = expectStatus(comment(answered, 'public', LATEST), 'applied');
    expect(ticketPuts(out)).toEqual([]);
  });
});

describe('Service Desk priority', () => {
  it('a change of impact recomputes the priority from the matrix', () => {
    const t = ticketPut(update(serviceTicket(), { impact: 'high' }));
    expect(t).toMatchObject({ impact: 'high', urgency: 'medium', priority: 'P2', priorityReason: null });
    expect(t.fieldVersions).toEqual({ impact: 2, priority: 2 });
  });

  it('a change of urgency recomputes it too, and moves the SLA due times', () => {
    const t = ticketPut(update(serviceTicket(), { impact: 'high', urgency: 'high' }));
    expect(t.priority).toBe('P1');
    // P1: 15 min to respond, 4 h to resolve, from creation at 09:00 UTC.
    expect([t.sla.firstResponseDueAt, t.sla.resolutionDueAt]).toEqual(['2025-03-03T09:15:00.000Z', '2025-03-03T13:00:00.000Z']);
  });

  it('an override with a reason stands, and survives a later change of impact', () => {
    const overridden = ticketPut(update(serviceTicket(), { priority: 'P1', priorityReason: 'CEO cannot work' }));
    expect(overridden).toMatchObject({ priority: 'P1', priorityReason: 'CEO cannot work' });
    const later = ticketPut(update(overridden, { impact: 'low' }, LATEST));
    expect(later).toMatchObject({ impact: 'low', priority: 'P1', priorityReason: 'CEO cannot work' });
  });

  it('an override without a reason is rejected and writes nothing', () => {
    expect(update(serviceTicket(), { priority: 'P1' })).toEqual({
      status: 'rejected',
      error: { code: 'invalid_request', message: expect.any(String), details: [{ path: 'args.fields.priorityReason', message: expect.any(String) }] },
    });
  });

  it('an override with a blank reason is rejected', () => {
    expect(expectStatus(update(serviceTicket(), { priority: 'P1', priorityReason: '   ' }), 'rejected').error.code).toBe('invalid_request');
  });

  it('setting the priority back to the matrix value drops the reason', () => {
    const overridden = ticketPut(update(serviceTicket(), { priority: 'P1', priorityReason: 'CEO cannot work' }));
    expect(ticketPut(update(overridden, { priority: 'P3' }))).toMatchObject({ priority: 'P3', priorityReason: null });
  });

  it('a Help Desk agent sets the priority directly, without a reason', () => {
    expect(ticketPut(update(helpTicket(), { priority: 'P1' })).priority).toBe('P1');
  });

  it('impact does not exist on the Help Desk', () => {
    expect(expectStatus(update(helpTicket(), { impact: 'high' }), 'rejected').error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'args.fields.impact' }],
    });
  });
});
