// What the signed-in agent may do on one ticket, from the shared permission table: the pane hides what
// the server would refuse rather than let the agent queue a change that comes back `forbidden`.
import type { MutationName } from '../../shared/protocol/mutations';
import { checkAssign, maySeeDesk, mayRun } from '../../shared/rules/permissions';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';

export type TicketAbilities = {
  update: boolean;
  setStatus: boolean;
  comment: boolean;
  worklog: boolean;
  attach: boolean;
  linkArticle: boolean;
  /** Take the ticket (or give it back): any role that works tickets. */
  assignSelf: boolean;
  /** Assign anyone: supervisors and admins. */
  assignOthers: boolean;
};

export function ticketAbilities(actor: Agent, ticket: Pick<Ticket, 'desk'>): TicketAbilities {
  const may = (name: MutationName) => mayRun(actor, name) && maySeeDesk(actor, ticket.desk);
  const assign = may('ticket.assign');
  return {
    update: may('ticket.update'),
    setStatus: may('ticket.setStatus'),
    comment: may('comment.add'),
    worklog: may('worklog.add'),
    attach: may('attachment.add'),
    linkArticle: may('ticket.linkArticle'),
    assignSelf: assign,
    // Someone else, not previously assigned to anyone in particular: only a supervisor passes this.
    assignOthers: assign && checkAssign(actor, null, null) === null,
  };
}
