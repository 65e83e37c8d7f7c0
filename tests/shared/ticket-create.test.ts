// `ticket.create` makes a whole, valid ticket of its desk: the fixtures every other test builds on, the
// desk rules (types, organisations) and the ITIL priority at creation.
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../../shared/rules/apply-mutation';
import { Ticket } from '../../shared/schemas/ticket';
import {
  agents, context, expectStatus, helpCreateArgs, helpTicket, ID, mutation, NOW, serviceCreateArgs, serviceTicket, ticketPut,
} from './fixtures';

describe('ticket.create', () => {
  it('makes a Service Desk ticket from the matrix, with its key and 24/7 SLA due times', () => {
    const t = serviceTicket();
    expect(t).toMatchObject({
      id: ID.serviceTicket,
      key: 'SD-1042',
      desk: 'service',
      status: 'new',
      impact: 'medium',
      urgency: 'medium',
      priority: 'P3',
      priorityReason: null,
      organizationId: ID.serviceOrg,
      assigneeId: null,
      createdBy: ID.agent,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
      fieldVersions: {},
      service: 'VPN',
    });
    // P3 on the Service Desk: first response in 2 h, resolution in 24 h, round the clock.
    expect(t.sla).toEqual({
      firstResponseDueAt: '2025-03-03T11:00:00.000Z',
      resolutionDueAt: '2025-03-04T09:00:00.000Z',
      firstResponseAt: null,
      resolvedAt: null,
      pauses: [],
    });
  });

  it('makes a Help Desk ticket whose SLA counts business hours in the organisation time zone', () => {
    const t = helpTicket();
    expect(t).toMatchObject({ key: 'HD-2231', desk: 'help', priority: 'P2', organizationId: ID.helpOrg, product: 'Mobile tariff' });
    // P2 help: 16 business hours from Monday 10:00 Prague = Mon 10–18 + Tue 08–16 → Tue 16:00 Prague.
    expect(t.sla.resolutionDueAt).toBe('2025-03-04T15:00:00.000Z');
    expect(t.sla.firstResponseDueAt).toBe('2025-03-03T11:00:00.000Z');
  });

  it('leaves the key empty when made offline (no key source)', () => {
    const out = applyMutation(mutation('ticket.create', serviceCreateArgs), context(agents.agent));
    expect(ticketPut(expectStatus(out, 'applied')).key).toBeNull();
  });

  it('defaults impact and urgency to medium, hence P3', () => {
    const { impact: _i, urgency: _u, ...args } = serviceCreateArgs;
    const t = ticketPut(applyMutation(mutation('ticket.create', args), context(agents.agent)));
    expect([t.desk === 'service' && t.impact, t.desk === 'service' && t.urgency, t.priority]).toEqual(['medium', 'medium', 'P3']);
  });

  it('computes P1 from high impact and high urgency', () => {
    expect(serviceTicket({ impact: 'high', urgency: 'high' }).priority).toBe('P1');
  });

  it('keeps an override with its reason', () => {
    const t = serviceTicket({ priority: 'P1', priorityReason: 'CEO cannot work' });
    expect([t.priority, t.priorityReason]).toEqual(['P1', 'CEO cannot work']);
  });

  it('rejects an override without a reason, naming args.priorityReason', () => {
    const out = applyMutation(mutation('ticket.create', { ...serviceCreateArgs, priority: 'P1' }), context(agents.agent));
    expect(expectStatus(out, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.priorityReason' }] });
  });

  it('accepts a priority equal to the matrix without a reason, and records no override', () => {
    const out = applyMutation(mutation('ticket.create', { ...serviceCreateArgs, priority: 'P3' }), context(agents.agent));
    const t = ticketPut(expectStatus(out, 'applied'));
    expect(t.priority).toBe('P3');
    expect(t.desk === 'service' && t.priorityReason).toBeNull();
  });

  it('rejects a requester organisation that is not a Service Desk client', () => {
    const requester = { ...serviceCreateArgs.requester, organizationId: ID.helpOrg };
    const out = applyMutation(mutation('ticket.create', { ...serviceCreateArgs, requester }), context(agents.agent));
    expect(expectStatus(out, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.requester.organizationId' }] });
  });

  it('answers a re-sent create of the same ticket as applied without writing it again', () => {
    const existing = serviceTicket();
    const out = applyMutation(mutation('ticket.create', serviceCreateArgs), context(agents.agent, { ticket: existing }));
    expect(expectStatus(out, 'applied').puts).toEqual([]);
  });

  it('refuses to overwrite another ticket that holds the id', () => {
    const existing = serviceTicket({}, agents.otherAgent);
    const out = applyMutation(mutation('ticket.create', serviceCreateArgs), context(agents.agent, { ticket: existing }));
    expect(expectStatus(out, 'rejected').error.code).toBe('conflict');
  });

  it('writes one audit line with the essentials', () => {
    const out = expectStatus(applyMutation(mutation('ticket.create', helpCreateArgs), context(agents.agent)), 'applied');
    expect(out.audit).toEqual([
      { ticketId: ID.helpTicket, outcome: 'applied', before: {}, after: { subject: 'No signal since yesterday', desk: 'help', type: 'fault', priority: 'P2' } },
    ]);
    expect(Ticket.safeParse(out.puts[0]?.data).success).toBe(true);
  });
});
