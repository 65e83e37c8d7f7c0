// The roster: which shift each agent works on a given day, and which shift runs at an instant. Shift
// times are wall-clock times in the shift's own time zone; a shift that runs over midnight (night
// 22:00–06:00) belongs to the day it starts on, so at 02:00 the night shift on duty is yesterday's.
import type { Agent, RosterEntry, Shift } from '../schemas/entities';

const MINUTES_PER_DAY = 24 * 60;
const DAY_MS = 86_400_000;

/**
 * The id of an agent's entry for a day: the same on every device and on the server, so two supervisors
 * editing one cell write one row (UUID version 8 over a 128-bit hash of the day and the agent).
 */
export function rosterEntryId(date: string, agentId: string): string {
  const text = `roster|${date}|${agentId.toLowerCase()}`;
  // cyrb128: four mixed 32-bit lanes; no secret involved, only a stable spread of the key.
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The local calendar day ('YYYY-MM-DD') and minute of the day at an instant in a time zone. */
export function localTime(ms: number, timeZone: string): { date: string; minute: number } {
  const parts = Object.fromEntries(formatFor(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const pad = (v: string | undefined) => (v ?? '').padStart(2, '0');
  return {
    date: `${(parts.year ?? '').padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One run of a shift: the day it starts on and the minutes from the instant asked about to its start. */
export type ShiftRun = { shift: Shift; date: string; startsInMinutes: number };

/** The run of this shift under way at the instant, if any. */
export function runAt(shift: Shift, ms: number): ShiftRun | null {
  const { date, minute } = localTime(ms, shift.timeZone);
  const start = minuteOf(shift.start);
  const end = minuteOf(shift.end);
  if (start < end) return minute >= start && minute < end ? { shift, date, startsInMinutes: start - minute } : null;
  // Over midnight (or round the clock when start = end): the evening part or the morning part.
  if (minute >= start) return { shift, date, startsInMinutes: start - minute };
  if (minute < end) return { shift, date: addDays(date, -1), startsInMinutes: start - minute - MINUTES_PER_DAY };
  return null;
}

/** The next run of this shift to start after the instant. */
export function nextRun(shift: Shift, ms: number): ShiftRun {
  const { date, minute } = localTime(ms, shift.timeZone);
  const start = minuteOf(shift.start);
  return start > minute
    ? { shift, date, startsInMinutes: start - minute }
    : { shift, date: addDays(date, 1), startsInMinutes: start - minute + MINUTES_PER_DAY };
}

/** The latest run of this shift to have started at or before the instant: under way, or already over. */
export function lastRun(shift: Shift, ms: number): ShiftRun {
  const { date, minute } = localTime(ms, shift.timeZone);
  const start = minuteOf(shift.start);
  return minute >= start
    ? { shift, date, startsInMinutes: start - minute }
    : { shift, date: addDays(date, -1), startsInMinutes: start - minute - MINUTES_PER_DAY };
}

/** Shifts under way at the instant (normally one), the earliest started first. */
export function shiftsOnNow(shifts: readonly Shift[], ms: number): ShiftRun[] {
  return shifts.flatMap((s) => runAt(s, ms) ?? []).sort((a, b) => a.startsInMinutes - b.startsInMinutes);
}

/** The shift that starts next after the instant (ties: by name). */
export function shiftNext(shifts: readonly Shift[], ms: number): ShiftRun | null {
  const runs = shifts.map((s) => nextRun(s, ms)).sort((a, b) => a.startsInMinutes - b.startsInMinutes || a.shift.name.localeCompare(b.shift.name));
  return runs[0] ?? null;
}

/** An index of roster entries by day and agent. */
export type RosterIndex = ReadonlyMap<string, RosterEntry>;
export const rosterIndex = (entries: Iterable<RosterEntry>): RosterIndex => new Map([...entries].map((e) => [`${e.date}|${e.agentId}`, e]));

export type DayPlan = {
  /** The shift the agent works that day; null = off, away or not rostered. */
  shiftId: string | null;
  /** `roster`: an entry for the day says so; `default`: the agent's usual shift. */
  source: 'roster' | 'default';
  /** Marked away on the profile, or rostered off for the day. */
  away: boolean;
};

export function dayPlan(agent: Agent, date: string, roster: RosterIndex): DayPlan {
  const entry = roster.get(`${date}|${agent.id}`);
  if (entry) return { shiftId: agent.away ? null : entry.shiftId, source: 'roster', away: agent.away || entry.shiftId === null };
  return { shiftId: agent.away ? null : agent.shiftId, source: 'default', away: agent.away };
}

/** The shift the agent is down for that day (rostered, or the usual one), whether or not marked away. */
export function scheduledShiftId(agent: Agent, date: string, roster: RosterIndex): string | null {
  const entry = roster.get(`${date}|${agent.id}`);
  return entry ? entry.shiftId : agent.shiftId;
}

/** The agents working a run of a shift (rostered or by default, and not away), by name. */
export function crewOf(run: ShiftRun, agents: readonly Agent[], roster: RosterIndex): Agent[] {
  return agents
    .filter((a) => dayPlan(a, run.date, roster).shiftId === run.shift.id)
    .sort((a, b) => a.name.localeCompare(b.name));
}
