// Demo times are whole minutes. Formatting a Date is slow (about 2 µs here) and a data set of 100,000
// tickets holds over a million instants, most of them sharing a minute with another, so a clock formats
// each minute of the data set's past once and shares the string.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO UTC string of the whole minute at or before an instant. */
export type IsoClock = (ms: number) => string;

const SPAN = 400 * 24 * 60; // minutes remembered before `now`: articles reach a year back

export function isoClock(nowMs: number): IsoClock {
  const last = Math.floor(nowMs / MINUTE);
  const slots: (string | undefined)[] = new Array<string | undefined>(SPAN + 1);
  return (ms) => {
    const minute = Math.floor(ms / MINUTE);
    const i = last - minute;
    if (i < 0 || i > SPAN) return new Date(minute * MINUTE).toISOString();
    let s = slots[i];
    if (s === undefined) slots[i] = s = new Date(minute * MINUTE).toISOString();
    return s;
  };
}
