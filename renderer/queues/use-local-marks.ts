// Which queued tickets carry a change of this agent's that the server has not confirmed yet, and which
// have a conflict waiting. Both tables are small (an outbox rarely holds more than a few hundred
// entries), so a live query over each is cheap and sees writes from the sync worker at once.
import { useLiveQuery } from 'dexie-react-hooks';
import { useConsole } from '../app/console-context';
import type { Mutation } from '../../shared/protocol/mutations';

export type LocalMarks = { pending: ReadonlySet<string>; conflicts: ReadonlySet<string> };

/** The tickets a mutation is about: the one it creates, the one it names, or the ones it bulk-assigns. */
export function ticketIdsOf(m: Pick<Mutation, 'name' | 'args'>): string[] {
  const args = m.args as { id?: unknown; ticketId?: unknown; ticketIds?: unknown };
  if (m.name === 'ticket.create') return typeof args.id === 'string' ? [args.id] : [];
  if (Array.isArray(args.ticketIds)) return args.ticketIds.filter((id): id is string => typeof id === 'string');
  return typeof args.ticketId === 'string' ? [args.ticketId] : [];
}

const EMPTY: ReadonlySet<string> = new Set();

export function useLocalMarks(): LocalMarks {
  const { db } = useConsole();
  const pending = useLiveQuery(
    async () => new Set((await db.outbox.where('state').equals('pending').toArray()).flatMap(ticketIdsOf)),
    [db],
  );
  const conflicts = useLiveQuery(async () => new Set((await db.conflicts.toArray()).flatMap((c) => ticketIdsOf(c.mutation))), [db]);
  return { pending: pending ?? EMPTY, conflicts: conflicts ?? EMPTY };
}
