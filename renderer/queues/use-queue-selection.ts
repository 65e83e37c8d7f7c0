// Picking tickets in a queue for a bulk reassignment, for those who may reassign in bulk (supervisors and
// admins); everyone else gets null and sees no picking tools. The picks live in the supervisor store, so
// tickets picked in either queue and on the workload board go out in one action. Ctrl/⌘+click or Space
// toggles a row; Shift+click picks every row between the last one toggled and this one.
import { useCallback, useMemo, useRef } from 'react';
import { mayRun } from '../../shared/rules/permissions';
import { useConsole } from '../app/console-context';
import { useSupervisorStore } from '../supervisor/supervisor-store';
import type { QueueRow } from './queue-row';

export type QueueSelection = {
  picked: ReadonlySet<string>;
  toggle(ticketId: string): void;
  /** Picks the rows from the last toggled one to this one (just this one without an anchor in view). */
  extendTo(ticketId: string, rows: readonly QueueRow[]): void;
  setMany(ticketIds: readonly string[], on: boolean): void;
  clear(): void;
};

export function useQueueSelection(): QueueSelection | null {
  const { actor } = useConsole();
  const allowed = mayRun(actor, 'ticket.bulkAssign');
  const picked = useSupervisorStore((s) => s.selected);
  const anchor = useRef<string | null>(null);

  const toggle = useCallback((ticketId: string) => {
    const store = useSupervisorStore.getState();
    store.toggle(ticketId, !store.selected.has(ticketId));
    anchor.current = ticketId;
  }, []);

  const extendTo = useCallback((ticketId: string, rows: readonly QueueRow[]) => {
    const to = rows.findIndex((r) => r.id === ticketId);
    const from = anchor.current === null ? -1 : rows.findIndex((r) => r.id === anchor.current);
    if (to < 0) return;
    const [first, last] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
    useSupervisorStore.getState().selectMany(rows.slice(first, last + 1).map((r) => r.id), true);
    anchor.current = ticketId;
  }, []);

  const setMany = useCallback((ticketIds: readonly string[], on: boolean) => useSupervisorStore.getState().selectMany(ticketIds, on), []);
  const clear = useCallback(() => useSupervisorStore.getState().clearSelection(), []);

  return useMemo(() => (allowed ? { picked, toggle, extendTo, setMany, clear } : null), [allowed, picked, toggle, extendTo, setMany, clear]);
}
