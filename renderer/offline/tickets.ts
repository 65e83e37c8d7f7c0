// Small facts about tickets and changes that the field views and notifications share.
import type { Mutation } from '../../shared/protocol/mutations';
import { isOpenStatus } from '../../shared/rules/status';
import type { Ticket } from '../../shared/schemas/ticket';

/** The organisations' usual zone, for a ticket whose organisation is not cached. */
export const DEFAULT_TIME_ZONE = 'Europe/Prague';

/** The ticket a change concerns (a ticket.create makes its own id). */
export function ticketIdOf(m: Pick<Mutation, 'name' | 'args'>): string | undefined {
  const args = m.args as { ticketId?: string; id?: string };
  return m.name === 'ticket.create' ? args.id : args.ticketId;
}

/** Tickets a field tech works on site: everything of mine not closed; open ones first, then by key. */
export function onSiteTickets(tickets: readonly Ticket[]): Ticket[] {
  const rank = (t: Ticket) => (isOpenStatus(t.status) ? 0 : 1);
  return tickets
    .filter((t) => t.status !== 'closed')
    .sort((a, b) => rank(a) - rank(b) || (a.key ?? '').localeCompare(b.key ?? '', 'en', { numeric: true }) || a.id.localeCompare(b.id));
}
