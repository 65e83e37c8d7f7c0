// Working-time arithmetic against hand-computed instants. Prague is UTC+1 (CET) until
// 2026-03-29 01:00Z and UTC+2 (CEST) until 2026-10-25 01:00Z; New York moves to EDT on 2026-03-08.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingMs, ALWAYS, businessHours, workingMs } from '../../shared/rules/calendar';
import type { Calendar } from '../../shared/rules/calendar';

const at = (iso: string): number => Date.parse(iso);
const isoOf = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;
const MINUTE = 60_000;
const prague = businessHours('Europe/Prague');
const wholeDays = (days: number[], start: string, end: string): Calendar => ({
  kind: 'business',
  timeZone: 'Europe/Prague',
  days,
  start,
  end,
});

describe('24x7 calendar', () => {
  it('counts every millisecond and nothing backwards', () => {
    expect(workingMs(ALWAYS, at('2026-03-07T10:00:00Z'), at('2026-03-07T10:00:05Z'))).toBe(5000);
    expect(workingMs(ALWAYS, at('2026-03-07T10:00:05Z'), at('2026-03-07T10:00:00Z'))).toBe(0);
  });

  it('a 4-hour target from 00:30 Prague on the spring-forward night ends 05:30 local', () => {
    // 00:30 CET = 23:30Z; 05:30 CEST = 03:30Z.
    expect(isoOf(addWorkingMs(ALWAYS, at('2026-03-28T23:30:00Z'), 4 * HOUR))).toBe('2026-03-29T03:30:00.000Z');
  });

  it('a 4-hour target from 00:30 Prague on the fall-back night ends 03:30 local', () => {
    // 00:30 CEST = 22:30Z the day before; 03:30 CET = 02:30Z.
    expect(isoOf(addWorkingMs(ALWAYS, at('2026-10-24T22:30:00Z'), 4 * HOUR))).toBe('2026-10-25T02:30:00.000Z');
  });
});

describe('business hours: workingMs', () => {
  it('a plain week is 50 hours', () => {
    expect(workingMs(prague, at('2026-03-01T23:00:00Z'), at('2026-03-08T23:00:00Z'))).toBe(50 * HOUR);
  });

  it('the week of the spring change is still 50 hours', () => {
    expect(workingMs(prague, at('2026-03-22T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(50 * HOUR);
  });

  it('the week of the fall change is still 50 hours', () => {
    expect(workingMs(prague, at('2026-10-18T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(50 * HOUR);
  });

  it('the opening moves in UTC with the change, staying 08:00 local', () => {
    // Friday 27 March opens 07:00Z (CET); Monday 30 March opens 06:00Z (CEST).
    expect(workingMs(prague, at('2026-03-27T05:00:00Z'), at('2026-03-27T08:00:00Z'))).toBe(1 * HOUR);
    expect(workingMs(prague, at('2026-03-30T05:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(2 * HOUR);
    // Friday 23 October closes 16:00Z (CEST); Monday 26 October closes 17:00Z (CET).
    expect(workingMs(prague, at('2026-10-23T15:00:00Z'), at('2026-10-23T18:00:00Z'))).toBe(1 * HOUR);
    expect(workingMs(prague, at('2026-10-26T15:00:00Z'), at('2026-10-26T18:00:00Z'))).toBe(2 * HOUR);
  });

  it('Friday 17:00 to Monday 09:00 is two working hours', () => {
    expect(workingMs(prague, at('2026-03-06T16:00:00Z'), at('2026-03-09T08:00:00Z'))).toBe(2 * HOUR);
  });

  it('nothing on a weekend, nothing backwards', () => {
    expect(workingMs(prague, at('2026-03-06T17:00:00Z'), at('2026-03-09T07:00:00Z'))).toBe(0);
    expect(workingMs(prague, at('2026-03-10T12:00:00Z'), at('2026-03-10T10:00:00Z'))).toBe(0);
  });

  it('the year 2026 has 261 weekdays of 10 hours', () => {
    expect(workingMs(prague, at('2025-12-31T23:00:00Z'), at('2026-12-31T23:00:00Z'))).toBe(2610 * HOUR);
  });

  it('ten years of working time', () => {
    // 2026-01-01 .. 2036-01-01 local: 3652 days = 521 weeks + Thu..Mon (3 weekdays) = 2608 weekdays.
    expect(workingMs(prague, at('2025-12-31T23:00:00Z'), at('2035-12-31T23:00:00Z'))).toBe(26_080 * HOUR);
  });

  it('local days are 23 and 25 hours long on the change Sundays', () => {
    const sundays = wholeDays([7], '00:00', '24:00');
    // Sundays 29 March (23 h) and 5 April (24 h); then 25 October (25 h) and 1 November (24 h).
    expect(workingMs(sundays, at('2026-03-22T23:00:00Z'), at('2026-04-05T22:00:00Z'))).toBe(47 * HOUR);
    expect(workingMs(sundays, at('2026-10-18T22:00:00Z'), at('2026-11-01T23:00:00Z'))).toBe(49 * HOUR);
  });

  it('a window spanning the change hour is measured in real time', () => {
    const night = wholeDays([1, 2, 3, 4, 5, 6, 7], '01:00', '04:00');
    // 01:00 CET = 00:00Z .. 04:00 CEST = 02:00Z.
    expect(workingMs(night, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(2 * HOUR);
    // 01:00 CEST = 23:00Z the day before .. 04:00 CET = 03:00Z.
    expect(workingMs(night, at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(4 * HOUR);
  });

  it('a wall time inside the spring gap resolves one hour later', () => {
    // 02:30 does not exist on 29 March; it is read as 03:30 CEST = 01:30Z, and 05:00 CEST = 03:00Z.
    const late = wholeDays([7], '02:30', '05:00');
    expect(workingMs(late, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(1.5 * HOUR);
  });
});

describe('business hours: addWorkingMs', () => {
  it('Friday 17:00 plus 2 h is Monday 09:00, across the spring change', () => {
    // Friday 17:00 CET = 16:00Z; Monday 09:00 CEST = 07:00Z.
    expect(isoOf(addWorkingMs(prague, at('2026-03-27T16:00:00Z'), 2 * HOUR))).toBe('2026-03-30T07:00:00.000Z');
  });

  it('Friday 17:00 plus 2 h is Monday 09:00, across the fall change', () => {
    // Friday 17:00 CEST = 15:00Z; Monday 09:00 CET = 08:00Z.
    expect(isoOf(addWorkingMs(prague, at('2026-10-23T15:00:00Z'), 2 * HOUR))).toBe('2026-10-26T08:00:00.000Z');
  });

  it('40 business hours from a Monday opening end Thursday at closing', () => {
    expect(isoOf(addWorkingMs(prague, at('2026-03-23T07:00:00Z'), 40 * HOUR))).toBe('2026-03-26T17:00:00.000Z');
  });

  it('40 business hours from Wednesday 13:00 CET end Tuesday 13:00 CEST', () => {
    // Wed 5 + Thu 10 + Fri 10 + Mon 10 + Tue 5.
    expect(isoOf(addWorkingMs(prague, at('2026-03-25T12:00:00Z'), 40 * HOUR))).toBe('2026-03-31T11:00:00.000Z');
  });

  it('a target used up exactly at closing is due at closing, not next morning', () => {
    expect(isoOf(addWorkingMs(prague, at('2026-03-06T16:00:00Z'), 1 * HOUR))).toBe('2026-03-06T17:00:00.000Z');
  });

  it('time outside hours starts counting at the next opening', () => {
    // Saturday → Monday 08:01 CET; Tuesday 06:00 CET → 08:30; Tuesday 19:00 CET → Wednesday 09:00.
    expect(isoOf(addWorkingMs(prague, at('2026-03-07T10:00:00Z'), 1 * MINUTE))).toBe('2026-03-09T07:01:00.000Z');
    expect(isoOf(addWorkingMs(prague, at('2026-03-10T05:00:00Z'), 30 * MINUTE))).toBe('2026-03-10T07:30:00.000Z');
    expect(isoOf(addWorkingMs(prague, at('2026-03-10T18:00:00Z'), 1 * HOUR))).toBe('2026-03-11T08:00:00.000Z');
  });

  it('zero working time is the start itself, even outside hours', () => {
    expect(isoOf(addWorkingMs(prague, at('2026-03-07T10:00:00Z'), 0))).toBe('2026-03-07T10:00:00.000Z');
  });

  it('follows the calendar time zone, not Prague', () => {
    // Friday 17:00 EST = 22:00Z; Monday 09:00 EDT = 13:00Z.
    const ny = businessHours('America/New_York');
    expect(isoOf(addWorkingMs(ny, at('2026-03-06T22:00:00Z'), 2 * HOUR))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('is the earliest instant at which the working time has elapsed', () => {
    const from = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') });
    const amount = fc.integer({ min: 1, max: 100 * HOUR });
    fc.assert(
      fc.property(from, amount, (f, ms) => {
        const due = addWorkingMs(prague, f, ms);
        return workingMs(prague, f, due) === ms && workingMs(prague, f, due - 1) < ms;
      }),
    );
  });
});

describe('calendar validation', () => {
  it('refuses a calendar without working time or with a bad zone or clock', () => {
    const now = at('2026-03-10T10:00:00Z');
    expect(() => addWorkingMs(wholeDays([], '08:00', '18:00'), now, HOUR)).toThrow();
    expect(() => addWorkingMs(wholeDays([1], '18:00', '08:00'), now, HOUR)).toThrow();
    expect(() => addWorkingMs(wholeDays([1], '8:00', '18:00'), now, HOUR)).toThrow();
    expect(() => workingMs(businessHours('Mars/Olympus_Mons'), now, now + HOUR)).toThrow(RangeError);
    expect(() => addWorkingMs(prague, now, -1)).toThrow(RangeError);
  });
});
