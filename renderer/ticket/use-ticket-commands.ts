// Keyboard commands (Esc, r, n, a) reach every pane; this ticket acts on them only while it is the
// active ticket, so two open tickets never both reply or both get assigned.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useCommand, useUiStore, type ConsoleCommand } from '../app/ui-store';
import { useComposerStore } from './composer-store';
import type { TicketAbilities } from './ticket-permissions';

export function useTicketCommands(
  ticketId: string,
  ticket: Ticket | null | undefined,
  abilities: TicketAbilities | null,
  composer: RefObject<HTMLTextAreaElement | null>,
): void {
  const { actor, change } = useConsole();
  // The handler stays the same function while the ticket changes underneath, so it registers once.
  const latest = useRef({ ticket, abilities });
  useEffect(() => {
    latest.current = { ticket, abilities };
  }, [ticket, abilities]);

  const handler = useCallback(
    (command: ConsoleCommand) => {
      if (useUiStore.getState().activeTicketId !== ticketId) return;
      const { ticket: current, abilities: may } = latest.current;
      if (!current) return;
      switch (command) {
        case 'close':
          useUiStore.getState().openTicketIn(current.desk, null);
          break;
        case 'reply':
        case 'note':
          if (!may?.comment) return;
          useComposerStore.getState().setMode(ticketId, command === 'reply' ? 'public' : 'internal');
          composer.current?.focus();
          break;
        case 'assignToMe':
          if (!may?.assignSelf || current.assigneeId === actor.id) return;
          void change('ticket.assign', { ticketId, assigneeId: actor.id, expectedAssigneeId: current.assigneeId }).catch((error: unknown) =>
            console.error('Assigning failed', error),
          );
          break;
        default:
          break;
      }
    },
    [ticketId, actor.id, change, composer],
  );
  useCommand(handler);
}
