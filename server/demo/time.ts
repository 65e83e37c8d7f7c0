// Demo times are whole minutes. Formatting a Date is slow (about 2 µs here) and a data set of 100,000
// tickets holds over a million instants, most of them sharing a minute with another, so each minute's ISO
// string is made once and shared.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const cache = new Map<number, string>();
const CACHE_LIMIT = 500_000;

/** The ISO UTC string of the whole minute at or before `ms`. */
export function isoMinute(ms: number): string {
  const minute = Math.floor(ms / MINUTE);
  let s = cache.get(minute);
  if (s === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    s = new Date(minute * MINUTE).toISOString();
    cache.set(minute, s);
  }
  return s;
}
