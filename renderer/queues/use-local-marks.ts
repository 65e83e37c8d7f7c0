// Which queued tickets carry a change of this agent's that the server has not confirmed yet, and which
// have a conflict waiting. The outbox can hold thousands of changes made offline on site: it is read
// through its indexes, keys only (pendingTickets). Conflicts are few.
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

async function pendingTickets(db: CacheDb): Promise<Set<string>> {
  return db.transaction('r', db.outbox, async () => {
    // Keys only, never the entries themselves: the state index gives the seqs already confirmed, and
    // the written-rows index each ticket row with the seq of the entry that wrote it. Right after a
    // replay thousands are confirmed at once; reading them whole held the window for half a second.
    const settled = new Set(await db.outbox.where('state').equals('confirmed').primaryKeys());
    const pending = new Set<string>();
    await db.outbox.where('rows').startsWith(TICKET_ROW).eachKey((row, cursor) => {
      if (!settled.has(cursor.primaryKey as number)) pending.add(String(row).slice(TICKET_ROW.length));
    });
    return pending;
  });
}

export function useLocalMarks(): LocalMarks {
  const { db } = useConsole();
  const pending = useThrottledQuery(db, ['outbox'], () => pendingTickets(db), []);
  const conflicts = useLiveQuery(async () => new Set((await db.conflicts.toArray()).flatMap((c) => ticketIdsOf(c.mutation))), [db]);
  return { pending: pending ?? EMPTY, conflicts: conflicts ?? EMPTY };
}
