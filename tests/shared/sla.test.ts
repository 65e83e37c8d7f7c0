// The SLA clock against hand-computed instants. Prague is UTC+1 (CET) until 2026-03-29 01:00Z
// and UTC+2 (CEST) until 2026-10-25 01:00Z; business hours are Mon–Fri 08:00–18:00 local.
import { describe, expect, it } from 'vitest';
import { ALWAYS, businessHours } from '../../shared/rules/calendar';
import { calendarFor, DEFAULT_SLA_POLICY, dueAt, slaClock, ticketSla } from '../../shared/rules/sla';
import type { Pause, SlaPolicy } from '../../shared/rules/sla';

const MIN = 60_000;
const TZ = 'Europe/Prague';
const prague = businessHours(TZ);

describe('policy and calendars', () => {
  it('has the agreed default targets', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      service: {
        P1: { firstResponseMinutes: 15, resolutionMinutes: 240 },
        P2: { firstResponseMinutes: 30, resolutionMinutes: 480 },
        P3: { firstResponseMinutes: 120, resolutionMinutes: 1440 },
        P4: { firstResponseMinutes: 480, resolutionMinutes: 4320 },
      },
      help: {
        P1: { firstResponseMinutes: 60, resolutionMinutes: 480 },
        P2: { firstResponseMinutes: 120, resolutionMinutes: 960 },
        P3: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
        P4: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
      },
    });
  });

  it('Service Desk runs 24/7, Help Desk runs business hours in its zone', () => {
    expect(calendarFor('service', TZ)).toEqual({ kind: '24x7' });
    expect(calendarFor('help', TZ)).toEqual({ kind: 'business', timeZone: TZ, days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' });
  });
});

describe('dueAt', () => {
  it('Help Desk: Friday 17:00 with a 2 h target is due Monday 09:00', () => {
    expect(dueAt(prague, '2026-03-06T16:00:00Z', 120, [])).toBe('2026-03-09T08:00:00.000Z');
  });

  it('24/7: a pause inside the target extends it by its length', () => {
    const pause = [{ from: '2026-03-10T10:20:00Z', to: '2026-03-10T10:50:00Z' }];
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, pause)).toBe('2026-03-10T11:30:00.000Z');
  });

  it('24/7: pauses after the due time, or before the start, count only where they overlap', () => {
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, [{ from: '2026-03-10T12:00:00Z', to: '2026-03-10T13:00:00Z' }])).toBe(
      '2026-03-10T11:00:00.000Z',
    );
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, [{ from: '2026-03-10T09:00:00Z', to: '2026-03-10T10:30:00Z' }])).toBe(
      '2026-03-10T11:30:00.000Z',
    );
  });

  it('24/7: several pauses add up, overlapping ones are not counted twice', () => {
    const apart = [
      { from: '2026-03-10T10:30:00Z', to: '2026-03-10T10:40:00Z' },
      { from: '2026-03-10T10:10:00Z', to: '2026-03-10T10:20:00Z' },
    ];
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, apart)).toBe('2026-03-10T11:20:00.000Z');
    const overlapping = [
      { from: '2026-03-10T10:30:00Z', to: '2026-03-10T10:50:00Z' },
      { from: '2026-03-10T10:20:00Z', to: '2026-03-10T10:40:00Z' },
    ];
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, overlapping)).toBe('2026-03-10T11:30:00.000Z');
  });

  it('business: a pause over the weekend costs nothing', () => {
    // Friday 16:00 CET + 4 h: Friday 16–18, Monday 08–10 CET. Paused Friday 18:30 → Monday 07:00.
    const pause = [{ from: '2026-03-06T17:30:00Z', to: '2026-03-09T06:00:00Z' }];
    expect(dueAt(prague, '2026-03-06T15:00:00Z', 240, pause)).toBe('2026-03-09T09:00:00.000Z');
  });

  it('business: a pause costs only its working-time overlap', () => {
    // Paused Friday 17:00 → Monday 09:00 CET: 1 h Friday + 1 h Monday, so due Monday 12:00 CET.
    const pause = [{ from: '2026-03-06T16:00:00Z', to: '2026-03-09T08:00:00Z' }];
    expect(dueAt(prague, '2026-03-06T15:00:00Z', 240, pause)).toBe('2026-03-09T11:00:00.000Z');
  });

  it('business: a pause across the spring change', () => {
    // Friday 16:00 CET + 4 h, paused Friday 17:00 CET → Monday 09:00 CEST: due Monday 12:00 CEST.
    const pause = [{ from: '2026-03-27T16:00:00Z', to: '2026-03-30T07:00:00Z' }];
    expect(dueAt(prague, '2026-03-27T15:00:00Z', 240, pause)).toBe('2026-03-30T10:00:00.000Z');
  });

  it('24/7: a pause across the fall change counts its real length (2 h, not 1 h of wall time)', () => {
    // Start 00:30 CEST; paused 01:30 CEST → 02:30 CET; due 00:30 + 4 h + 2 h real = 05:30 CET.
    const pause = [{ from: '2026-10-24T23:30:00Z', to: '2026-10-25T01:30:00Z' }];
    expect(dueAt(ALWAYS, '2026-10-24T22:30:00Z', 240, pause)).toBe('2026-10-25T04:30:00.000Z');
  });

  it('24/7: a pause across the spring change counts its real length (1 h, not 2 h of wall time)', () => {
    // Start 00:30 CET; paused 01:30 CET → 03:30 CEST; due 00:30 CET + 5 h real = 06:30 CEST.
    const pause = [{ from: '2026-03-29T00:30:00Z', to: '2026-03-29T01:30:00Z' }];
    expect(dueAt(ALWAYS, '2026-03-28T23:30:00Z', 240, pause)).toBe('2026-03-29T04:30:00.000Z');
  });

  it('is unknown while a pause is open', () => {
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, [{ from: '2026-03-10T10:30:00Z', to: null }])).toBeNull();
  });

  it('keeps a due time already passed before an open pause began', () => {
    expect(dueAt(ALWAYS, '2026-03-10T10:00:00Z', 60, [{ from: '2026-03-10T12:00:00Z', to: null }])).toBe(
      '2026-03-10T11:00:00.000Z',
    );
  });
});

describe('slaClock, 24/7 with a 100-minute target (at risk under 20 min)', () => {
  const base = { calendar: ALWAYS, startedAt: '2026-03-10T10:00:00Z', targetMinutes: 100, pauses: [] as Pause[] };

  it('moves ok → at_risk → breached', () => {
    expect(slaClock({ ...base, now: '2026-03-10T10:30:00Z' })).toEqual({
      dueAt: '2026-03-10T11:40:00.000Z',
      remainingMs: 70 * MIN,
      elapsedMs: 30 * MIN,
      paused: false,
      state: 'ok',
    });
    expect(slaClock({ ...base, now: '2026-03-10T11:20:00Z' }).state).toBe('ok');
    expect(slaClock({ ...base, now: '2026-03-10T11:25:00Z' })).toMatchObject({ remainingMs: 15 * MIN, state: 'at_risk' });
    expect(slaClock({ ...base, now: '2026-03-10T11:40:00Z' })).toMatchObject({ remainingMs: 0, state: 'breached' });
    expect(slaClock({ ...base, now: '2026-03-10T12:00:00Z' })).toMatchObject({ remainingMs: -20 * MIN, state: 'breached' });
  });

  it('a clock stopped before its due stays ok forever', () => {
    expect(slaClock({ ...base, stoppedAt: '2026-03-10T11:00:00Z', now: '2026-03-12T00:00:00Z' })).toEqual({
      dueAt: '2026-03-10T11:40:00.000Z',
      remainingMs: 40 * MIN,
      elapsedMs: 60 * MIN,
      paused: false,
      state: 'ok',
    });
  });

  it('a clock stopped after its due stays breached', () => {
    expect(slaClock({ ...base, stoppedAt: '2026-03-10T11:50:00Z', now: '2026-03-12T00:00:00Z' })).toMatchObject({
      remainingMs: -10 * MIN,
      state: 'breached',
    });
  });

  it('an open pause holds the clock and hides the due time', () => {
    const pauses = [{ from: '2026-03-10T10:30:00Z', to: null }];
    expect(slaClock({ ...base, pauses, now: '2026-03-11T10:00:00Z' })).toEqual({
      dueAt: null,
      remainingMs: 70 * MIN,
      elapsedMs: 30 * MIN,
      paused: true,
      state: 'ok',
    });
  });

  it('a closed pause is not counted and moves the due time', () => {
    const pauses = [{ from: '2026-03-10T10:30:00Z', to: '2026-03-10T11:00:00Z' }];
    expect(slaClock({ ...base, pauses, now: '2026-03-10T11:30:00Z' })).toEqual({
      dueAt: '2026-03-10T12:10:00.000Z',
      remainingMs: 40 * MIN,
      elapsedMs: 60 * MIN,
      paused: false,
      state: 'ok',
    });
  });

  it('overlapping pauses are credited once', () => {
    const pauses = [
      { from: '2026-03-10T10:30:00Z', to: '2026-03-10T10:50:00Z' },
      { from: '2026-03-10T10:20:00Z', to: '2026-03-10T10:40:00Z' },
    ];
    expect(slaClock({ ...base, pauses, now: '2026-03-10T11:00:00Z' })).toMatchObject({
      dueAt: '2026-03-10T12:10:00.000Z',
      elapsedMs: 30 * MIN,
      remainingMs: 70 * MIN,
    });
  });

  it('pausing a breached ticket does not hide the breach', () => {
    const pauses = [{ from: '2026-03-10T12:00:00Z', to: null }];
    expect(slaClock({ ...base, pauses, now: '2026-03-10T13:00:00Z' })).toEqual({
      dueAt: '2026-03-10T11:40:00.000Z',
      remainingMs: -20 * MIN,
      elapsedMs: 120 * MIN,
      paused: true,
      state: 'breached',
    });
  });

  it('stopping while paused ends the pause at the stop', () => {
    const pauses = [{ from: '2026-03-10T10:30:00Z', to: null }];
    expect(slaClock({ ...base, pauses, stoppedAt: '2026-03-10T11:00:00Z', now: '2026-03-10T12:00:00Z' })).toEqual({
      dueAt: '2026-03-10T12:10:00.000Z',
      remainingMs: 70 * MIN,
      elapsedMs: 30 * MIN,
      paused: false,
      state: 'ok',
    });
  });
});

describe('slaClock, business hours', () => {
  it('Friday 17:00 with 2 h: half used by the weekend, at risk Monday 08:50, breached at 09:00', () => {
    const base = { calendar: prague, startedAt: '2026-03-06T16:00:00Z', targetMinutes: 120, pauses: [] };
    expect(slaClock({ ...base, now: '2026-03-07T12:00:00Z' })).toEqual({
      dueAt: '2026-03-09T08:00:00.000Z',
      remainingMs: 60 * MIN,
      elapsedMs: 60 * MIN,
      paused: false,
      state: 'ok',
    });
    expect(slaClock({ ...base, now: '2026-03-09T07:50:00Z' })).toMatchObject({ remainingMs: 10 * MIN, state: 'at_risk' });
    expect(slaClock({ ...base, now: '2026-03-09T08:00:00Z' })).toMatchObject({ remainingMs: 0, state: 'breached' });
  });

  it('a ticket created on Saturday starts counting at Monday 08:00', () => {
    const base = { calendar: prague, startedAt: '2026-03-07T10:00:00Z', targetMinutes: 60, pauses: [] };
    expect(slaClock({ ...base, now: '2026-03-08T20:00:00Z' })).toMatchObject({ elapsedMs: 0, state: 'ok' });
    expect(slaClock({ ...base, now: '2026-03-09T07:30:00Z' })).toEqual({
      dueAt: '2026-03-09T08:00:00.000Z',
      remainingMs: 30 * MIN,
      elapsedMs: 30 * MIN,
      paused: false,
      state: 'ok',
    });
  });

  it('a pending pause from Monday 10:00 to Tuesday 09:00 costs 9 working hours', () => {
    const pauses = [{ from: '2026-03-09T09:00:00Z', to: '2026-03-10T08:00:00Z' }];
    const clock = slaClock({ calendar: prague, startedAt: '2026-03-09T07:00:00Z', targetMinutes: 240, pauses, now: '2026-03-10T09:00:00Z' });
    expect(clock).toEqual({
      dueAt: '2026-03-10T10:00:00.000Z',
      remainingMs: 60 * MIN,
      elapsedMs: 180 * MIN,
      paused: false,
      state: 'ok',
    });
  });

  it('keeps 08:00 local opening after the fall change', () => {
    // Friday 17:00 CEST; Monday 08:30 CET is 07:30Z, 30 minutes into the day.
    const clock = slaClock({ calendar: prague, startedAt: '2026-10-23T15:00:00Z', targetMinutes: 120, pauses: [], now: '2026-10-26T07:30:00Z' });
    expect(clock).toMatchObject({ dueAt: '2026-10-26T08:00:00.000Z', elapsedMs: 90 * MIN, remainingMs: 30 * MIN, state: 'ok' });
  });
});

describe('ticketSla', () => {
  const help = { desk: 'help' as const, timeZone: TZ, firstResponseAt: null, resolvedAt: null };
  const service = { desk: 'service' as const, timeZone: TZ, firstResponseAt: null, resolvedAt: null };

  it('Service Desk P1 counts wall-clock time', () => {
    expect(ticketSla({ ...service, priority: 'P1', createdAt: '2026-03-10T10:00:00Z', pauses: [] })).toEqual({
      firstResponseDueAt: '2026-03-10T10:15:00.000Z',
      resolutionDueAt: '2026-03-10T14:00:00.000Z',
    });
  });

  it('Service Desk P4 counts the weekend and the short spring night', () => {
    expect(ticketSla({ ...service, priority: 'P4', createdAt: '2026-03-27T12:00:00Z', pauses: [] })).toEqual({
      firstResponseDueAt: '2026-03-27T20:00:00.000Z',
      resolutionDueAt: '2026-03-30T12:00:00.000Z',
    });
  });

  it('Help Desk P2 from Friday 17:00: Monday 09:00 and Tuesday 13:00', () => {
    expect(ticketSla({ ...help, priority: 'P2', createdAt: '2026-03-06T16:00:00Z', pauses: [] })).toEqual({
      firstResponseDueAt: '2026-03-09T08:00:00.000Z',
      resolutionDueAt: '2026-03-10T12:00:00.000Z',
    });
  });

  it('pending pauses the resolution clock only', () => {
    // Paused Friday 17:30 → Monday 10:00 CET: 2.5 working hours, so resolution moves 13:00 → 15:30.
    const pauses = [{ from: '2026-03-06T16:30:00Z', to: '2026-03-09T09:00:00Z' }];
    expect(ticketSla({ ...help, priority: 'P2', createdAt: '2026-03-06T16:00:00Z', pauses })).toEqual({
      firstResponseDueAt: '2026-03-09T08:00:00.000Z',
      resolutionDueAt: '2026-03-10T14:30:00.000Z',
    });
  });

  it('an open pause leaves the resolution due unknown, and a first response does not move its due', () => {
    const pauses = [{ from: '2026-03-06T16:30:00Z', to: null }];
    expect(
      ticketSla({ ...help, priority: 'P2', createdAt: '2026-03-06T16:00:00Z', pauses, firstResponseAt: '2026-03-06T16:20:00Z' }),
    ).toEqual({ firstResponseDueAt: '2026-03-09T08:00:00.000Z', resolutionDueAt: null });
  });

  it('resolving ends an open pause and ignores later ones', () => {
    const created = '2026-03-06T16:00:00Z';
    const resolvedAt = '2026-03-09T11:00:00Z';
    // Paused Monday 10:00 CET, resolved 12:00 CET: 2 h paused, resolution 13:00 → 15:00 CET Tuesday.
    const open = [{ from: '2026-03-09T09:00:00Z', to: null }];
    expect(ticketSla({ ...help, priority: 'P2', createdAt: created, pauses: open, resolvedAt }).resolutionDueAt).toBe(
      '2026-03-10T14:00:00.000Z',
    );
    const later = [{ from: '2026-03-10T09:00:00Z', to: null }];
    expect(ticketSla({ ...help, priority: 'P2', createdAt: created, pauses: later, resolvedAt }).resolutionDueAt).toBe(
      '2026-03-10T12:00:00.000Z',
    );
  });

  it('Help Desk P4 across the spring change: 8 h and 40 h of business time', () => {
    // Wednesday 13:00 CET: first response Thu 11:00 CET; resolution Tue 13:00 CEST.
    expect(ticketSla({ ...help, priority: 'P4', createdAt: '2026-03-25T12:00:00Z', pauses: [] })).toEqual({
      firstResponseDueAt: '2026-03-26T10:00:00.000Z',
      resolutionDueAt: '2026-03-31T11:00:00.000Z',
    });
  });

  it('Help Desk P1 across the fall change', () => {
    // Friday 17:00 CEST: first response Friday 18:00 CEST; resolution 1 h Friday + 7 h Monday = 15:00 CET.
    expect(ticketSla({ ...help, priority: 'P1', createdAt: '2026-10-23T15:00:00Z', pauses: [] })).toEqual({
      firstResponseDueAt: '2026-10-23T16:00:00.000Z',
      resolutionDueAt: '2026-10-26T14:00:00.000Z',
    });
  });

  it('uses a custom policy when given', () => {
    const policy: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      help: { ...DEFAULT_SLA_POLICY.help, P3: { firstResponseMinutes: 1, resolutionMinutes: 2 } },
    };
    expect(ticketSla({ ...help, priority: 'P3', createdAt: '2026-03-10T09:00:00Z', pauses: [], policy })).toEqual({
      firstResponseDueAt: '2026-03-10T09:01:00.000Z',
      resolutionDueAt: '2026-03-10T09:02:00.000Z',
    });
  });
});
