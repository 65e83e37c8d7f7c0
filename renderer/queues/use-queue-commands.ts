// The queue's keyboard: j/k (next/previous), Enter (open), a (assign to me) and / (search) arrive as
// console commands and act only in the focused pane. They read the latest rows and selection from a
// ref, so two commands in a row never act on a stale render.
import { useCallback, useRef, type RefObject } from 'react';
import { useConsole } from '../app/console-context';
import { useCommand, useUiStore, type ConsoleCommand } from '../app/ui-store';
import type { Move } from './QueueGrid';
import type { QueueRow } from './queue-row';

type Latest = { rows: readonly QueueRow[]; selectedId: string | null };

export function useQueueCommands(options: {
  desk: 'service' | 'help';
  rows: readonly QueueRow[];
  selectedId: string | null;
  select(id: string | null): void;
  current(id: string): QueueRow | undefined;
  filterRef: RefObject<HTMLInputElement | null>;
}) {
  const { desk, select, current, filterRef } = options;
  const { actor, change } = useConsole();
  const latest = useRef<Latest>({ rows: options.rows, selectedId: options.selectedId });
  latest.current = { rows: options.rows, selectedId: options.selectedId };

  const move = useCallback(
    (m: Move, pageSize = 1) => {
      const { rows, selectedId } = latest.current;
      if (rows.length === 0) return;
      const at = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
      let next: number;
      if (m === 'first') next = 0;
      else if (m === 'last') next = rows.length - 1;
      else if (at < 0) next = 0;
      else if (m === 'pageDown') next = at + pageSize;
      else if (m === 'pageUp') next = at - pageSize;
      else next = at + m;
      const id = rows[Math.max(0, Math.min(rows.length - 1, next))]!.id;
      latest.current.selectedId = id;
      select(id);
    },
    [select],
  );

  const open = useCallback(() => {
    const id = latest.current.selectedId;
    if (id !== null) useUiStore.getState().openTicketIn(desk, id);
  }, [desk]);

  const assignToMe = useCallback(() => {
    const id = latest.current.selectedId;
    const row = id === null ? undefined : current(id);
    if (!row || row.assigneeId === actor.id) return;
    change('ticket.assign', { ticketId: row.id, assigneeId: actor.id, expectedAssigneeId: row.assigneeId }).catch((error: unknown) => {
      console.error('Could not assign the ticket', error);
    });
  }, [actor.id, change, current]);

  const onCommand = useCallback(
    (command: ConsoleCommand) => {
      if (useUiStore.getState().focusedPane !== desk) return;
      switch (command) {
        case 'next': return move(1);
        case 'previous': return move(-1);
        case 'open': return open();
        case 'assignToMe': return assignToMe();
        case 'search': return filterRef.current?.focus();
        default: return;
      }
    },
    [desk, move, open, assignToMe, filterRef],
  );
  useCommand(onCommand);

  return { move, open };
}
