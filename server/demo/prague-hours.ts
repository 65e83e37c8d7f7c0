// The Help Desk's working week (Mon–Fri 08:00–18:00, Europe/Prague) in plain arithmetic, for planning
// demo timelines only: the SLA due times stored on tickets always come from shared/rules/sla.ts. Asking
// Intl for a time-zone offset costs about 10 µs, and a 100,000-ticket data set would ask a million times.
import type { Rng } from './prng';
import { DAY, HOUR, MINUTE } from './time';

const OPEN = 8 * 60; // minutes of the local day
const CLOSE = 18 * 60;

// CET (+1) and CEST (+2) from the last Sunday of March to the last Sunday of October, both switching
// at 01:00 UTC. The last year asked about is remembered.
let yearStart = 0;
let yearEnd = -1;
let summerStart = 0;
let summerEnd = 0;

function lastSundayUtc(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY + HOUR;
}

export function pragueOffset(ms: number): number {
  if (ms < yearStart || ms >= yearEnd) {
    const year = new Date(ms).getUTCFullYear();
    yearStart = Date.UTC(year, 0, 1);
    yearEnd = Date.UTC(year + 1, 0, 1);
    summerStart = lastSundayUtc(year, 2);
    summerEnd = lastSundayUtc(year, 9);
  }
  return ms >= summerStart && ms < summerEnd ? 2 * HOUR : HOUR;
}

/** ISO weekday (1 = Monday) of a day counted from 1970-01-01, which was a Thursday. */
const weekday = (day: number) => ((day + 3) % 7) + 1;

/** The local day an instant falls on, counted from 1970-01-01. */
const localDay = (ms: number) => Math.floor((ms + pragueOffset(ms)) / DAY);

/** UTC instant of a local wall time; the switches happen at night, so noon's offset holds all day. */
const at = (day: number, minute: number) => day * DAY + minute * MINUTE - pragueOffset(day * DAY + 11 * HOUR);

/** The instant by which `ms` business milliseconds have passed since `fromMs`. */
export function addBusinessMs(fromMs: number, ms: number): number {
  let left = ms;
  for (let day = localDay(fromMs); ; day++) {
    if (weekday(day) > 5) continue;
    const begin = Math.max(at(day, OPEN), fromMs);
    const available = at(day, CLOSE) - begin;
    if (available <= 0) continue;
    if (left <= available) return begin + left;
    left -= available;
  }
}

/** Phone calls and chats reach the hotline only in business hours: an instant outside them moves back into the last open day. */
export function intoBusinessHours(rng: Rng, ms: number): number {
  let day = localDay(ms);
  const minute = (ms + pragueOffset(ms) - day * DAY) / MINUTE;
  if (weekday(day) <= 5 && minute >= OPEN && minute < CLOSE) return ms;
  if (weekday(day) > 5 || minute < OPEN) {
    do day--;
    while (weekday(day) > 5);
  }
  return at(day, rng.between(OPEN, CLOSE));
}

/** Business milliseconds in [fromMs, toMs). */
export function businessMsBetween(fromMs: number, toMs: number): number {
  let total = 0;
  for (let day = localDay(fromMs), last = localDay(toMs); day <= last; day++) {
    if (weekday(day) > 5) continue;
    total += Math.max(0, Math.min(at(day, CLOSE), toMs) - Math.max(at(day, OPEN), fromMs));
  }
  return total;
}

/**
 * The instant a share `u` of the business time between two instants has passed: when Help Desk agents
 * act, it is during opening hours. With no business time in between, plain clock time is used.
 */
export function businessPoint(fromMs: number, toMs: number, u: number): number {
  const business = businessMsBetween(fromMs, toMs);
  return business > 0 ? Math.min(toMs, addBusinessMs(fromMs, business * u)) : fromMs + (toMs - fromMs) * u;
}
