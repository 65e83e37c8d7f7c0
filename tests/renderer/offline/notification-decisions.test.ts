// What to notify, decided from what was known, what the cache shows now, the settings and the time.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '../../../shared/ipc/settings';
import type { Ticket } from '../../../shared/schemas/ticket';
import {
  decideAssigned, decideConflicts, decideSla, runningClocks, type AssignedSnapshot, type TicketBrief,
} from '../../../renderer/offline/notifications';
import { generateDemo } from '../../../server/demo/index';
import { FIXTURE_NOW } from '../console-fixture';

const ON: NotificationPreferences = { ...DEFAULT_NOTIFICATION_PREFERENCES, slaLeadMinutes: 15 };
const MIN = 60_000;

const brief = (n: number, status: TicketBrief['status'] = 'open'): TicketBrief => ({
  id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`, key: `SD-${1000 + n}`, subject: `Printer ${n} jams`, status,
});
const snap = (tickets: TicketBrief[], extra: Partial<AssignedSnapshot> = {}): AssignedSnapshot => ({ bootstrapped: true, tickets, selfAssigned: new Set(), ...extra });

describe('assigned to me and handovers', () => {
  it('takes the first snapshot as the baseline and notifies only tickets that appear later', () => {
    const first = decideAssigned(null, snap([brief(1), brief(2)]), ON);
    expect(first.notices).toEqual([]);
    expect(first.known).toEqual(new Set([brief(1).id, brief(2).id]));

    const next = decideAssigned(first.known, snap([brief(1), brief(2), brief(3)]), ON);
    expect(next.notices).toEqual([{
      kind: 'assigned', ticketKey: 'SD-1003', title: 'notify.assigned.title', body: 'notify.assigned.body', params: { ticket: 'SD-1003', subject: 'Printer 3 jams' },
    }]);
    // The same ticket is not news twice.
    expect(decideAssigned(next.known, snap([brief(1), brief(2), brief(3)]), ON).notices).toEqual([]);
  });

  it('folds several tickets arriving at once (a handover) into one notice', () => {
    const known = new Set([brief(1).id]);
    const { notices } = decideAssigned(known, snap([brief(1), brief(4), brief(2), brief(3)]), ON);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'assigned', ticketKey: null, title: 'notify.handover.title', body: 'notify.handover.body', params: { count: 3, list: 'SD-1002, SD-1003, SD-1004', more: 0 } });

    const many = decideAssigned(known, snap([1, 2, 3, 4, 5, 6].map((n) => brief(n))), ON).notices[0];
    expect(many).toMatchObject({ body: 'notify.handover.bodyMore', params: { count: 5, list: 'SD-1002, SD-1003, SD-1004', more: 2 } });
  });

  it('says who handed tickets over: one notice per supervisor, apart from tickets assigned otherwise', () => {
    const petr = { id: '0190a000-0000-7000-8000-0000000000a1', name: 'Petr Svoboda' };
    const marketa = { id: '0190a000-0000-7000-8000-0000000000a2', name: 'Markéta Němcová' };
    const handed = (n: number, by: typeof petr): TicketBrief => ({ ...brief(n), handedOverBy: by });
    const known = new Set([brief(1).id]);
    const { notices } = decideAssigned(known, snap([brief(1), handed(3, petr), handed(2, petr), handed(4, marketa), brief(5)]), ON);
    expect(notices).toEqual([
      { kind: 'assigned', ticketKey: null, title: 'notify.handoverBy.title', body: 'notify.handover.body', params: { count: 2, list: 'SD-1002, SD-1003', more: 0, by: 'Petr Svoboda' } },
      { kind: 'assigned', ticketKey: 'SD-1004', title: 'notify.handoverBy.title', body: 'notify.handover.body', params: { count: 1, list: 'SD-1004', more: 0, by: 'Markéta Němcová' } },
      { kind: 'assigned', ticketKey: 'SD-1005', title: 'notify.assigned.title', body: 'notify.assigned.body', params: { ticket: 'SD-1005', subject: 'Printer 5 jams' } },
    ]);
    const big = decideAssigned(known, snap([brief(1), ...[2, 3, 4, 5, 6].map((n) => handed(n, petr))]), ON).notices;
    expect(big).toEqual([expect.objectContaining({ title: 'notify.handoverBy.title', body: 'notify.handover.bodyMore', params: { count: 5, list: 'SD-1002, SD-1003, SD-1004', more: 2, by: 'Petr Svoboda' } })]);
  });

  it('skips tickets I assigned to myself, closed ones, and everything while the cache (re)loads', () => {
    const known = new Set([brief(1).id]);
    const mine = decideAssigned(known, snap([brief(1), brief(2)], { selfAssigned: new Set([brief(2).id]) }), ON);
    expect(mine.notices).toEqual([]);
    expect(decideAssigned(known, snap([brief(1), brief(3, 'resolved'), brief(4, 'closed')]), ON).notices).toEqual([]);

    // A resync empties and refills the cache: that is not a handover.
    const reloading = decideAssigned(known, snap([], { bootstrapped: false }), ON);
    expect(reloading).toEqual({ known: null, notices: [] });
    const refilled = decideAssigned(reloading.known, snap([brief(1), brief(2), brief(3)]), ON);
    expect(refilled.notices).toEqual([]);
    expect(refilled.known?.size).toBe(3);
  });

  it('says nothing when the switches are off, but moves the baseline', () => {
    const known = new Set([brief(1).id]);
    for (const prefs of [{ ...ON, enabled: false }, { ...ON, assignedToMe: false }]) {
      const decision = decideAssigned(known, snap([brief(1), brief(2)]), prefs);
      expect(decision.notices).toEqual([]);
      expect(decision.known?.has(brief(2).id)).toBe(true);
    }
  });

  it('offers no ticket to open for a ticket without a server key yet', () => {
    const local = { ...brief(9), key: null };
    const { notices } = decideAssigned(new Set(), snap([local]), ON);
    expect(notices[0]).toMatchObject({ ticketKey: null, params: { ticket: 'Printer 9 jams' } });
  });
});

describe('SLA about to breach', () => {
  const demo = generateDemo({ now: FIXTURE_NOW, tickets: 200, articles: 0 });
  const template = demo.tickets.find((t) => t.desk === 'service')!;
  const help = demo.tickets.find((t) => t.desk === 'help')!;

  /** A P1 Service Desk ticket (24/7, resolution in 4 h) whose resolution is due `dueIn` from FIXTURE_NOW. */
  function dueIn(minutes: number, id = template.id, key = 'SD-1042'): Ticket {
    const createdAt = new Date(FIXTURE_NOW.getTime() - (240 - minutes) * MIN).toISOString();
    return {
      ...template, id, key, status: 'open', priority: 'P1', createdAt,
      sla: { ...template.sla, firstResponseAt: createdAt, resolvedAt: null, pauses: [] },
    } as Ticket;
  }
  const at = (minutesLater: number) => new Date(FIXTURE_NOW.getTime() + minutesLater * MIN);

  it('warns within the lead time, not before it, and once per ticket', () => {
    const ticket = dueIn(20);
    const clocks = (now: Date) => runningClocks(ticket, 'Europe/Prague', now);
    expect(clocks(FIXTURE_NOW)).toEqual([{ ticketId: ticket.id, key: 'SD-1042', subject: ticket.subject, clock: 'resolution', dueAt: at(20).toISOString() }]);

    const early = decideSla(new Set(), clocks(FIXTURE_NOW), FIXTURE_NOW, ON);
    expect(early.notices).toEqual([]);

    const inTime = decideSla(early.known, clocks(at(6)), at(6), ON);
    expect(inTime.notices).toEqual([{
      kind: 'sla_warning', ticketKey: 'SD-1042', title: 'notify.sla.title', body: 'notify.sla.bodyResolution', params: { ticket: 'SD-1042', subject: ticket.subject, count: 14 },
    }]);
    // Checked again each minute: never a second time.
    expect(decideSla(inTime.known, clocks(at(7)), at(7), ON).notices).toEqual([]);
    expect(decideSla(inTime.known, clocks(at(19)), at(19), ON).notices).toEqual([]);
  });

  it('follows the configured lead time', () => {
    const clocks = runningClocks(dueIn(20), 'Europe/Prague', FIXTURE_NOW);
    expect(decideSla(new Set(), clocks, FIXTURE_NOW, { ...ON, slaLeadMinutes: 15 }).notices).toHaveLength(0);
    expect(decideSla(new Set(), clocks, FIXTURE_NOW, { ...ON, slaLeadMinutes: 20 }).notices).toHaveLength(1);
    expect(decideSla(new Set(), clocks, FIXTURE_NOW, { ...ON, slaLeadMinutes: 60 }).notices).toHaveLength(1);
  });

  it('warns about the first response while it is owed', () => {
    const createdAt = new Date(FIXTURE_NOW.getTime() - 5 * MIN).toISOString();
    const ticket = { ...dueIn(100), createdAt, sla: { ...template.sla, firstResponseAt: null, resolvedAt: null, pauses: [] } } as Ticket;
    const { notices } = decideSla(new Set(), runningClocks(ticket, 'Europe/Prague', FIXTURE_NOW), FIXTURE_NOW, ON);
    // P1 Service Desk: first response in 15 minutes, 10 of them left.
    expect(notices).toEqual([expect.objectContaining({ body: 'notify.sla.bodyFirstResponse', params: expect.objectContaining({ count: 10 }) })]);
  });

  it('ignores breached, paused, resolved and closed clocks', () => {
    const breached = dueIn(-5);
    const paused = { ...dueIn(10), status: 'pending', sla: { ...dueIn(10).sla, pauses: [{ from: at(-30).toISOString(), to: null }] } } as Ticket;
    const resolved = { ...dueIn(10), status: 'resolved', sla: { ...dueIn(10).sla, resolvedAt: at(-1).toISOString() } } as Ticket;
    const closed = { ...dueIn(10), status: 'closed' } as Ticket;
    for (const ticket of [breached, paused, resolved, closed]) {
      expect(decideSla(new Set(), runningClocks(ticket, 'Europe/Prague', FIXTURE_NOW), FIXTURE_NOW, ON).notices).toEqual([]);
    }
  });

  it('counts wall-clock time: a Help Desk clock with minutes left on Friday evening is due on Monday', () => {
    // Friday 2026-11-20, Prague (UTC+1). Created 10:05, P1 help = 8 business hours: 7 h 55 min on Friday.
    const friday = { ...help, id: help.id, key: 'HD-2231', status: 'open', priority: 'P1', createdAt: '2026-11-20T09:05:00.000Z',
      sla: { ...help.sla, firstResponseAt: '2026-11-20T09:20:00.000Z', resolvedAt: null, pauses: [] } } as Ticket;
    const evening = new Date('2026-11-20T16:58:00.000Z'); // 17:58 local, 7 working minutes left
    const clocks = runningClocks(friday, 'Europe/Prague', evening);
    expect(clocks[0]?.dueAt).toBe('2026-11-23T07:05:00.000Z'); // Monday 08:05 local
    expect(decideSla(new Set(), clocks, evening, ON).notices).toEqual([]);
    const monday = new Date('2026-11-23T06:55:00.000Z');
    expect(decideSla(new Set(), runningClocks(friday, 'Europe/Prague', monday), monday, ON).notices).toHaveLength(1);
  });

  it('folds many tickets due at once into one notice, soonest first', () => {
    const ids = [1, 2, 3, 4, 5].map((n) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`);
    const clocks = ids.flatMap((id, i) => runningClocks(dueIn(10 - i, id, `SD-${1000 + i}`), 'Europe/Prague', FIXTURE_NOW));
    const decision = decideSla(new Set(), clocks, FIXTURE_NOW, ON);
    expect(decision.notices).toEqual([{
      kind: 'sla_warning', ticketKey: null, title: 'notify.slaMany.title', body: 'notify.slaMany.body',
      params: { count: 5, minutes: 15, list: 'SD-1004, SD-1003, SD-1002', more: 2 },
    }]);
    expect(decision.known).toEqual(new Set(ids));
  });

  it('says nothing when the switches are off, and still warns once they are on', () => {
    const clocks = runningClocks(dueIn(10), 'Europe/Prague', FIXTURE_NOW);
    for (const prefs of [{ ...ON, enabled: false }, { ...ON, slaWarning: false }]) {
      const decision = decideSla(new Set(), clocks, FIXTURE_NOW, prefs);
      expect(decision).toEqual({ known: new Set(), notices: [] });
    }
    expect(decideSla(new Set(), clocks, FIXTURE_NOW, ON).notices).toHaveLength(1);
  });
});

describe('conflicts after a sync', () => {
  const c = (n: number, ticketKey: string | null = `SD-${1000 + n}`) => ({ id: `conflict-${n}`, ticketKey });

  it('notifies conflicts that appear after the first look, one by name, several together', () => {
    const first = decideConflicts(null, [c(1)], ON);
    expect(first.notices).toEqual([]);
    const one = decideConflicts(first.known, [c(1), c(2)], ON);
    expect(one.notices).toEqual([{ kind: 'conflict', ticketKey: 'SD-1002', title: 'notify.conflict.title', body: 'notify.conflict.body', params: { ticket: 'SD-1002' } }]);
    const several = decideConflicts(one.known, [c(1), c(2), c(3), c(4)], ON);
    expect(several.notices).toEqual([{ kind: 'conflict', ticketKey: null, title: 'notify.conflicts.title', body: 'notify.conflicts.body', params: { count: 2 } }]);
    // Resolving one is not news.
    expect(decideConflicts(several.known, [c(1)], ON).notices).toEqual([]);
  });

  it('names no ticket it cannot open', () => {
    expect(decideConflicts(new Set(), [c(5, null)], ON).notices[0]).toMatchObject({ ticketKey: null, title: 'notify.conflict.titleNoKey' });
  });

  it('says nothing when the switches are off', () => {
    for (const prefs of [{ ...ON, enabled: false }, { ...ON, conflicts: false }]) {
      const decision = decideConflicts(new Set(), [c(1), c(2)], prefs);
      expect(decision.notices).toEqual([]);
      expect(decision.known.size).toBe(2);
    }
  });
});
