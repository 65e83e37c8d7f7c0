// The SLA clock. Only working time outside pauses counts against a target, and a stopped clock
// (first response given, ticket resolved) is frozen, so a target met once can never be breached
// later. All instants are ISO UTC strings at the edges and epoch milliseconds inside.

import { ALWAYS, addWorkingMs, businessHours, workingMs } from './calendar';
import type { Calendar } from './calendar';
import type { Priority } from './priority';

export type SlaTargets = { firstResponseMinutes: number; resolutionMinutes: number };
export type SlaPolicy = Record<'service' | 'help', Record<Priority, SlaTargets>>;

const HOUR = 60;

// Help Desk minutes are business minutes: its calendar is Mon–Fri 08:00–18:00.
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  service: {
    P1: { firstResponseMinutes: 15, resolutionMinutes: 4 * HOUR },
    P2: { firstResponseMinutes: 30, resolutionMinutes: 8 * HOUR },
    P3: { firstResponseMinutes: 2 * HOUR, resolutionMinutes: 24 * HOUR },
    P4: { firstResponseMinutes: 8 * HOUR, resolutionMinutes: 72 * HOUR },
  },
  help: {
    P1: { firstResponseMinutes: 1 * HOUR, resolutionMinutes: 8 * HOUR },
    P2: { firstResponseMinutes: 2 * HOUR, resolutionMinutes: 16 * HOUR },
    P3: { firstResponseMinutes: 4 * HOUR, resolutionMinutes: 24 * HOUR },
    P4: { firstResponseMinutes: 8 * HOUR, resolutionMinutes: 40 * HOUR },
  },
};

/** `to: null` means the ticket is still paused. */
export type Pause = { from: string; to: string | null };

const AT_RISK_SHARE = 0.2;
const MINUTE = 60_000;

export function calendarFor(desk: 'service' | 'help', timeZone: string): Calendar {
  return desk === 'service' ? ALWAYS : businessHours(timeZone);
}

function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO instant: ${iso}`);
  return ms;
}

function targetMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Bad SLA target: ${minutes}`);
  return minutes * MINUTE;
}

type Span = { from: number; to: number };

/**
 * Pauses as sorted, disjoint spans no earlier than `start`; an open pause runs to Infinity.
 * Overlaps are merged so that a doubly recorded pause is not credited twice.
 */
function pauseSpans(pauses: readonly Pause[], start: number): Span[] {
  const spans = pauses
    .map((p) => ({ from: Math.max(toMs(p.from), start), to: p.to === null ? Infinity : toMs(p.to) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push(s);
  }
  return merged;
}

/** A stopped clock ignores pauses after the stop; one still running at the stop ends there. */
function frozenAt(spans: readonly Span[], stop: number): Span[] {
  return spans.filter((s) => s.from < stop).map((s) => ({ from: s.from, to: Math.min(s.to, stop) }));
}

/** Walks the working time outside pauses until `target` ms are used; null if a pause outlasts it. */
function dueMs(cal: Calendar, start: number, target: number, spans: readonly Span[]): number | null {
  let cursor = start;
  let left = target;
  for (const s of spans) {
    const before = workingMs(cal, cursor, s.from);
    if (left <= before) return addWorkingMs(cal, cursor, left);
    left -= before;
    if (s.to === Infinity) return null;
    cursor = s.to;
  }
  return addWorkingMs(cal, cursor, left);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * The instant the target is used up, counting only working time outside pauses. Null while an
 * open pause holds the clock: the due time depends on when the requester answers. A target
 * already used up before that pause began keeps its (past) due time.
 */
export function dueAt(cal: Calendar, startIso: string, targetMinutes: number, pauses: readonly Pause[]): string | null {
  const start = toMs(startIso);
  return iso(dueMs(cal, start, targetMs(targetMinutes), pauseSpans(pauses, start)));
}

export type SlaState = 'ok' | 'at_risk' | 'breached';

export type SlaClock = {
  dueAt: string | null;
  remainingMs: number;
  elapsedMs: number;
  paused: boolean;
  state: SlaState;
};

export function slaClock(input: {
  calendar: Calendar;
  startedAt: string;
  targetMinutes: number;
  pauses: readonly Pause[];
  now: string;
  stoppedAt?: string | null;
}): SlaClock {
  const { calendar } = input;
  const start = toMs(input.startedAt);
  const target = targetMs(input.targetMinutes);
  const stopped = input.stoppedAt != null;
  const end = Math.max(start, toMs(input.stoppedAt ?? input.now));

  const all = pauseSpans(input.pauses, start);
  const spans = stopped ? frozenAt(all, end) : all;
  let elapsed = workingMs(calendar, start, end);
  for (const s of spans) elapsed -= workingMs(calendar, s.from, Math.min(s.to, end));

  const remaining = target - elapsed;
  const state: SlaState = remaining <= 0 ? 'breached' : remaining < target * AT_RISK_SHARE ? 'at_risk' : 'ok';
  return {
    dueAt: iso(dueMs(calendar, start, target, spans)),
    remainingMs: remaining,
    elapsedMs: elapsed,
    paused: !stopped && input.pauses.some((p) => p.to === null),
    state,
  };
}

/**
 * Due times of a ticket's two clocks. Pending pauses only the resolution clock: the first
 * response is owed whatever the requester does (ITIL practice). A due time is a promise, so
 * meeting it (firstResponseAt) does not move it; resolving only freezes the pauses that count.
 */
export function ticketSla(input: {
  desk: 'service' | 'help';
  priority: Priority;
  createdAt: string;
  pauses: readonly Pause[];
  firstResponseAt: string | null;
  resolvedAt: string | null;
  timeZone: string;
  policy?: SlaPolicy;
}): { firstResponseDueAt: string | null; resolutionDueAt: string | null } {
  const cal = calendarFor(input.desk, input.timeZone);
  const targets = (input.policy ?? DEFAULT_SLA_POLICY)[input.desk][input.priority];
  const start = toMs(input.createdAt);
  const all = pauseSpans(input.pauses, start);
  const spans = input.resolvedAt === null ? all : frozenAt(all, toMs(input.resolvedAt));
  return {
    firstResponseDueAt: iso(dueMs(cal, start, targetMs(targets.firstResponseMinutes), [])),
    resolutionDueAt: iso(dueMs(cal, start, targetMs(targets.resolutionMinutes), spans)),
  };
}
