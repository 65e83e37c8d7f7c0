// Live reads of the cache for the supervisor's tools. Open tickets come through the [desk+status] index,
// so a change re-reads only the open work of the supervisor's desks, never the whole (closed) history.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ProtocolError } from '../../shared/protocol/errors';
import { desksOf } from '../../shared/rules/permissions';
import { STATUSES, isOpenStatus } from '../../shared/rules/status';
import type { Desk } from '../../shared/schemas/common';
import type { Agent, Group, Organization, RosterEntry, Shift } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { resultKey } from '../sync/push-results';
import type { SentChange } from './supervisor-store';

const OPEN_STATUSES = STATUSES.filter(isOpenStatus);
const NONE: never[] = [];

export function useBoardDesks(): readonly Desk[] {
  const { actor } = useConsole();
  return useMemo(() => desksOf(actor), [actor]);
}

export function useOpenTickets(desks: readonly Desk[]): Ticket[] | undefined {
  const { db } = useConsole();
  const key = desks.join(',');
  return useLiveQuery(
    () => db.tickets.where('[desk+status]').anyOf(desks.flatMap((d) => OPEN_STATUSES.map((s) => [d, s]))).toArray(),
    [db, key], // the desks by value: a new array with the same desks reads nothing again
  );
}

/** Every agent; undefined until the cache has answered. */
export function useAgents(): Agent[] | undefined {
  const { db } = useConsole();
  return useLiveQuery(() => db.agents.toArray(), [db]);
}

/** The shifts by start time; undefined until the cache has answered. */
export function useShifts(): Shift[] | undefined {
  const { db } = useConsole();
  const shifts = useLiveQuery(() => db.shifts.toArray(), [db]);
  return useMemo(() => shifts && [...shifts].sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name)), [shifts]);
}

export function useGroups(): Group[] {
  const { db } = useConsole();
  return useLiveQuery(() => db.groups.toArray(), [db]) ?? NONE;
}

/** Every organization (their time zones drive the Help Desk's SLA); undefined until the cache has answered. */
export function useOrganizations(): Organization[] | undefined {
  const { db } = useConsole();
  return useLiveQuery(() => db.organizations.toArray(), [db]);
}

/** Roster entries of the days from `first` to `last`, both included. */
export function useRoster(first: string, last: string): RosterEntry[] {
  const { db } = useConsole();
  return useLiveQuery(() => db.roster.where('date').between(first, last, true, true).toArray(), [db, first, last]) ?? NONE;
}

/** Roster entries of exactly these days; undefined until the cache has answered. */
export function useRosterOfDays(dates: readonly string[]): RosterEntry[] | undefined {
  const { db } = useConsole();
  const key = dates.join(',');
  return useLiveQuery(() => db.roster.where('date').anyOf([...dates]).toArray(), [db, key]); // the days by value
}

export type ChangeProgress =
  | { state: 'loading' }
  /** Still in the outbox: not yet answered by the server (offline, or sync pending). */
  | { state: 'waiting' }
  | { state: 'applied'; details: unknown }
  | { state: 'rejected'; error: ProtocolError }
  | { state: 'conflict' }
  /** Answered, but no details were kept (e.g. the cache was reset since). */
  | { state: 'unknown' };

/** What became of a change this pane sent: waiting, or the server's answer with its details. */
export function useChangeProgress(sent: SentChange | null): ChangeProgress | null {
  const { db } = useConsole();
  const progress = useLiveQuery(async (): Promise<ChangeProgress | null> => {
    if (!sent) return null;
    const details = await db.meta.get(resultKey(sent.id));
    if (details) return { state: 'applied', details: details.value };
    const rejected = await db.attention.get(sent.id);
    if (rejected) return { state: 'rejected', error: rejected.error };
    if (await db.conflicts.get(sent.id)) return { state: 'conflict' };
    const entry = await db.outbox.get(sent.seq);
    if (entry && entry.id === sent.id) return { state: 'waiting' };
    return { state: 'unknown' };
  }, [db, sent?.id, sent?.seq]);
  return sent ? (progress ?? { state: 'loading' }) : null;
}
