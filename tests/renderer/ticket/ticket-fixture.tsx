// Shared set-up of the ticket pane tests: a console on demo data, the pane rendered for a chosen
// ticket, and the UI stores reset so a draft or a presence from one test never leaks into the next.
import { configure, screen } from '@testing-library/react';
import type { ConsoleServices } from '../../../renderer/app/console-context';
import { useUiStore } from '../../../renderer/app/ui-store';
import { useComposerStore } from '../../../renderer/ticket/composer-store';
import { usePresence } from '../../../renderer/ticket/presence-store';
import { TicketPane } from '../../../renderer/ticket/TicketPane';
import type { Ticket } from '../../../shared/schemas/ticket';
import { renderInConsole } from '../console-fixture';

// A ceiling for waiting on the cache (live queries are asynchronous), not a timing assertion: on a busy
// machine the first read of a fresh fake-indexeddb can take longer than the default second.
configure({ asyncUtilTimeout: 15_000 });

export function resetStores(): void {
  useComposerStore.getState().reset();
  usePresence.getState().clear();
  useUiStore.getState().reset();
}

export function pick(tickets: readonly Ticket[], test: (t: Ticket) => boolean, what: string): Ticket {
  const found = tickets.find(test);
  if (!found) throw new Error(`The demo data has no ${what}`);
  return found;
}

/** Renders the pane and waits until the ticket is read from the cache. */
export async function openPane(ticket: Ticket, services: ConsoleServices) {
  const view = renderInConsole(<TicketPane ticketId={ticket.id} />, services);
  const pane = await screen.findByRole('region', { name: `Ticket ${ticket.key}` });
  await screen.findByRole('heading', { level: 2 });
  return { ...view, pane };
}

export async function pendingMutations(services: ConsoleServices) {
  return (await services.db.outbox.orderBy('seq').toArray()).filter((e) => e.state === 'pending');
}
