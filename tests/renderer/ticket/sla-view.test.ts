// The SLA timers' states, from the shared clock: running, at risk, breached, paused, met, missed.
import { describe, expect, it } from 'vitest';
import { slaTimers } from '../../../renderer/ticket/sla-view';
import type { ServiceTicket } from '../../../shared/schemas/ticket';

const created = '2026-11-20T08:00:00.000Z';
// P2 on the Service Desk (24/7): first response in 30 min, resolution in 8 h.
const ticket: ServiceTicket = {
  id: '0190a000-0000-7000-8000-000000000001', key: 'SD-1', desk: 'service', type: 'incident', channel: 'email',
  subject: 'VPN', description: '', status: 'open', priority: 'P2', assigneeId: null, groupId: null,
  organizationId: '0190a000-0000-7000-8000-000000000002', category: null, tags: [], resolution: null, articleIds: [],
  sla: { firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, resolvedAt: null, pauses: [] },
  createdBy: null, createdAt: created, updatedAt: created, version: 1, fieldVersions: {},
  requester: { kind: 'employee', name: 'A', email: 'a@example.com', organizationId: '0190a000-0000-7000-8000-000000000002', department: null, location: null },
  impact: 'high', urgency: 'medium', priorityReason: null, service: null, configurationItem: null, alert: null,
};
const at = (iso: string) => new Date(iso);
const states = (t: ServiceTicket, now: string) => slaTimers(t, 'Europe/Prague', at(now)).map((v) => v.state);

describe('slaTimers', () => {
  it('runs, then is at risk, then breached', () => {
    expect(states(ticket, '2026-11-20T08:10:00.000Z')).toEqual(['running', 'running']);
    expect(states(ticket, '2026-11-20T08:26:00.000Z')).toEqual(['at_risk', 'running']);
    expect(states(ticket, '2026-11-20T08:31:00.000Z')).toEqual(['breached', 'running']);
    expect(states(ticket, '2026-11-20T16:01:00.000Z')).toEqual(['breached', 'breached']);
  });

  it('pauses the resolution clock while pending, not the first response', () => {
    const pending = { ...ticket, status: 'pending' as const, sla: { ...ticket.sla, firstResponseAt: '2026-11-20T08:05:00.000Z', pauses: [{ from: '2026-11-20T09:00:00.000Z', to: null }] } };
    const [first, resolution] = slaTimers(pending, 'UTC', at('2026-11-20T20:00:00.000Z'));
    expect(first?.state).toBe('met');
    expect(resolution).toMatchObject({ state: 'paused', paused: true, dueAt: null });
    // One hour ran before the pause: seven are left, however long the requester takes.
    expect(resolution?.remainingMs).toBe(7 * 3_600_000);
  });

  it('keeps met and missed once the clock stopped', () => {
    const late = { ...ticket, sla: { ...ticket.sla, firstResponseAt: '2026-11-20T09:00:00.000Z', resolvedAt: '2026-11-20T10:00:00.000Z' } };
    expect(states(late, '2026-11-25T00:00:00.000Z')).toEqual(['missed', 'met']);
  });
});
