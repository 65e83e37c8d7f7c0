// Shared set-up of the field-work tests: a field tech's console on demo data, the pane rendered, and the
// stores reset so the sync status or an open ticket from one test never leaks into the next.
import { configure, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { ConsoleServices } from '../../../renderer/app/console-context';
import { useUiStore } from '../../../renderer/app/ui-store';
import { FieldPane, type FieldPaneProps } from '../../../renderer/offline/FieldPane';
import { useSyncStatus } from '../../../renderer/sync/status-store';
import { INITIAL_STATUS } from '../../../renderer/sync/status';
import type { Ticket } from '../../../shared/schemas/ticket';
import { makeConsole, renderInConsole } from '../console-fixture';

// Ceilings for waiting on the cache (live queries are asynchronous) on a busy machine, not timing assertions:
// the whole pane renders a live query per ticket card on a fresh fake-indexeddb.
configure({ asyncUtilTimeout: 30_000 });
vi.setConfig({ testTimeout: 120_000 });

export const OPEN = ['new', 'open', 'pending', 'on_hold'];

export function resetStores(): void {
  useSyncStatus.setState({ ...INITIAL_STATUS });
  useUiStore.setState({ openTicket: { service: null, help: null }, activeTicketId: null, replyInsert: null, focusedPane: 'service' });
}

export async function techConsole() {
  return makeConsole({ email: 'tech@example.com' });
}

/** The tech's open tickets, worked out here from the demo data (not with the pane's own helpers). */
export function openTicketsOf(tickets: readonly Ticket[], agentId: string): Ticket[] {
  return tickets.filter((t) => t.assigneeId === agentId && OPEN.includes(t.status));
}

export async function renderPane(services: ConsoleServices, props: FieldPaneProps = {}) {
  const view = renderInConsole(<FieldPane {...props} />, services);
  const pane = await screen.findByRole('region', { name: 'Field work' });
  return { ...view, pane };
}

/** The card of one ticket in "On site", once the list has loaded. */
export async function siteCard(pane: HTMLElement, ticket: Ticket): Promise<HTMLElement> {
  return within(pane).findByRole('article', { name: new RegExp(`^${ticket.key} `) });
}

export async function pendingMutations(services: ConsoleServices) {
  return (await services.db.outbox.orderBy('seq').toArray()).filter((e) => e.state === 'pending');
}
