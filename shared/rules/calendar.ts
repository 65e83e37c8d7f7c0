// Working-time arithmetic. Business hours are wall-clock times in the calendar's own time zone,
// so each working window is resolved per local date: 08:00–18:00 stays 08:00–18:00 local on both
// sides of a daylight-saving change, and long targets cost one step per day, not per minute.

export type Calendar =
  | { kind: '24x7' }
  | {
      kind: 'business';
      timeZone: string;
      days: number[]; // ISO weekday, 1 = Monday … 7 = Sunday
      start: string; // 'HH:MM' local
      end: string; // 'HH:MM' local, '24:00' allowed
    };

type Business = Extract<Calendar, { kind: 'business' }>;

export const ALWAYS: Calendar = Object.freeze({ kind: '24x7' });

export function businessHours(timeZone: string): Calendar {
  return { kind: 'business', timeZone, days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// Building a DateTimeFormat is far costlier than using one.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Local wall time minus UTC at instant `ms`, in milliseconds. */
// Zones change offset only on quarter-hour boundaries, so one lookup serves a whole quarter hour;
// formatToParts is the costliest step of every SLA computation.
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetAt(timeZone: string, ms: number): number {
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 20_000) offsets.clear();
    offset = measureOffset(timeZone, bucket * QUARTER_HOUR);
    offsets.set(key, offset);
  }
  return offset;
}

function measureOffset(timeZone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  // The parts carry whole seconds only, so compare against the instant truncated the same way.
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant of a local wall time, `day` counted in days since 1970-01-01 (local date).
 * The offset is applied twice because the first guess may land on the other side of a change;
 * a wall time inside the spring gap resolves to the instant one gap-length later.
 */
function wallToUtc(timeZone: string, day: number, minuteOfDay: number): number {
  const wall = day * DAY + minuteOfDay * MINUTE;
  const first = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, first);
}

function localDay(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY);
}

// 1970-01-01 was a Thursday (ISO 4).
function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7 + 1;
}

function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(minutes <= 24 * 60)) throw new Error(`Bad time of day: ${hhmm}`);
  return minutes;
}

type Plan = { timeZone: string; days: ReadonlySet<number>; start: number; end: number };

// A calendar with no working time would make addWorkingMs search forever, so refuse it up front.
function plan(cal: Business): Plan {
  const start = minutesOf(cal.start);
  const end = minutesOf(cal.end);
  const days = new Set(cal.days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  if (end <= start || days.size === 0) throw new Error('A business calendar needs working time');
  formatFor(cal.timeZone); // throws RangeError for an unknown zone
  return { timeZone: cal.timeZone, days, start, end };
}

// Tickets opened around the same time share their working days, and resolving a window costs
// several formatToParts calls, so resolved windows are remembered (bounded, cleared when full).
const windows = new Map<string, readonly [number, number]>();
const WINDOW_CACHE_LIMIT = 50_000;

function windowOf(p: Plan, day: number): readonly [number, number] | null {
  if (!p.days.has(isoWeekday(day))) return null;
  const key = `${p.timeZone} ${day} ${p.start} ${p.end}`;
  let w = windows.get(key);
  if (!w) {
    if (windows.size >= WINDOW_CACHE_LIMIT) windows.clear();
    w = [wallToUtc(p.timeZone, day, p.start), wallToUtc(p.timeZone, day, p.end)];
    windows.set(key, w);
  }
  return w;
}

/** Working milliseconds in [fromMs, toMs). */
export function workingMs(cal: Calendar, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError(`Bad interval: ${fromMs}..${toMs}`);
  if (cal.kind === '24x7') return toMs - fromMs;
  const p = plan(cal);
  const last = localDay(p.timeZone, toMs);
  let total = 0;
  for (let day = localDay(p.timeZone, fromMs); day <= last; day++) {
    const w = windowOf(p, day);
    if (w) total += Math.max(0, Math.min(w[1], toMs) - Math.max(w[0], fromMs));
  }
  return total;
}

/** The earliest instant by which `ms` working milliseconds have elapsed since fromMs. */
export function addWorkingMs(cal: Calendar, fromMs: number, ms: number): number {
  // Non-finite input would never be satisfied and the day loop below would not end.
  if (!Number.isFinite(fromMs) || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`Bad working-time request: ${fromMs} + ${ms}`);
  }
  if (ms === 0 || cal.kind === '24x7') return fromMs + ms;
  const p = plan(cal);
  let left = ms;
  for (let day = localDay(p.timeZone, fromMs); ; day++) {
    const w = windowOf(p, day);
    if (!w) continue;
    const begin = Math.max(w[0], fromMs);
    const available = w[1] - begin;
    if (available <= 0) continue;
    if (left <= available) return begin + left;
    left -= available;
  }
}
