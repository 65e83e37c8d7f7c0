// Which queued tickets carry a change of this agent's that the server has not confirmed yet, and which
// have a conflict waiting. The outbox can hold thousands of changes made offline on site: its tickets
// are read from the index of written rows (keys only, one per ticket), and only the confirmed entries
// (few, they leave with the next pull) are read whole, to take off tickets with nothing pending left.
// Conflicts are few.
import { useLiveQuery } from 'dexie-react-hooks';
import { useConsole } from '../app/console-context';
import { useThrottledQuery } from '../lib/use-throttled-query';
import type { Mutation } from '../../shared/protocol/mutations';
import { rowKey } from '../sync/touched-rows';
import type { CacheDb } from '../db/cache-db';

export type LocalMarks = { pending: ReadonlySet<string>; conflicts: ReadonlySet<string> };

/** The tickets a mutation is about: the one it creates, the one it names, or the ones it bulk-assigns. */
export function ticketIdsOf(m: Pick<Mutation, 'name' | 'args'>): string[] {
  const args = m.args as { id?: unknown; ticketId?: unknown; ticketIds?: unknown };
  if (m.name === 'ticket.create') return typeof args.id === 'string' ? [args.id] : [];
  if (Array.isArray(args.ticketIds)) return args.ticketIds.filter((id): id is string => typeof id === 'string');
  return typeof args.ticketId === 'string' ? [args.ticketId] : [];
}

const EMPTY: ReadonlySet<string> = new Set();
const TICKET_ROW = rowKey('ticket', '');

const ticketRows = (rows: readonly string[]) => rows.filter((r) => r.startsWith(TICKET_ROW));

async function pendingTickets(db: CacheDb): Promise<Set<string>> {
  const outstanding = new Set((await db.outbox.where('rows').startsWith(TICKET_ROW).uniqueKeys()).map(String));
  const confirmed = await db.outbox.where('state').equals('confirmed').toArray();
  if (confirmed.length > 0) {
    const settled = new Set(confirmed.flatMap((e) => ticketRows(e.rows)));
    const stillPending = await db.outbox.where('rows').anyOf([...settled]).filter((e) => e.state === 'pending').toArray();
    for (const row of stillPending.flatMap((e) => ticketRows(e.rows))) settled.delete(row);
    for (const row of settled) outstanding.delete(row);
  }
  return new Set([...outstanding].map((row) => row.slice(TICKET_ROW.length)));
}

export function useLocalMarks(): LocalMarks {
  const { db } = useConsole();
  const pending = useThrottledQuery(db, ['outbox'], () => pendingTickets(db), []);
  const conflicts = useLiveQuery(async () => new Set((await db.conflicts.toArray()).flatMap((c) => ticketIdsOf(c.mutation))), [db]);
  return { pending: pending ?? EMPTY, conflicts: conflicts ?? EMPTY };
}
