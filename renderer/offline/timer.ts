// The on-site worklog timer. One per agent (a tech is on one site at a time), kept in the cache's meta
// table so a reload, a crash or a closed laptop lid does not lose the arrival time. Stopping freezes the
// end, so the minutes do not grow while the note is written.
import type { CacheDb } from '../db/cache-db';

export type SiteTimer = { ticketId: string; startedAt: string; stoppedAt: string | null };

export const MAX_WORKLOG_MINUTES = 24 * 60;
const MINUTE = 60_000;

export const timerKey = (actorId: string) => `timer:${actorId}`;

function isTimer(value: unknown): value is SiteTimer {
  const v = value as Partial<SiteTimer> | null;
  return !!v && typeof v.ticketId === 'string' && typeof v.startedAt === 'string' && !Number.isNaN(Date.parse(v.startedAt)) &&
    (v.stoppedAt === null || (typeof v.stoppedAt === 'string' && !Number.isNaN(Date.parse(v.stoppedAt))));
}

export async function readTimer(db: CacheDb, actorId: string): Promise<SiteTimer | null> {
  const value = await db.getMeta<unknown>(timerKey(actorId));
  return isTimer(value) ? value : null;
}

export async function writeTimer(db: CacheDb, actorId: string, timer: SiteTimer | null): Promise<void> {
  if (timer) await db.meta.put({ key: timerKey(actorId), value: timer });
  else await db.meta.delete(timerKey(actorId));
}

/** Whole minutes worked, rounded up (a started minute counts), at least one, at most a day. */
export function workedMinutes(startedAt: string, endedAt: string): number {
  const ms = Date.parse(endedAt) - Date.parse(startedAt);
  return Math.min(MAX_WORKLOG_MINUTES, Math.max(1, Math.ceil(ms / MINUTE)));
}

/** "1:05:09" — the running timer as a tech glances at it. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
