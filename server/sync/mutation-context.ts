// Loads, inside the mutation's transaction, the current state the shared rules need to run it.
import type { Mutation } from '../../shared/protocol/mutations';
import type { MutationContext } from '../../shared/rules/outcome';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import type { Sql } from '../db/database';
import * as store from './entity-store';

const TICKET_ARG: Partial<Record<Mutation['name'], true>> = {
  'ticket.update': true, 'ticket.assign': true, 'ticket.setStatus': true, 'comment.add': true,
  'worklog.add': true, 'attachment.add': true, 'ticket.linkArticle': true,
};
const APPENDS = { 'comment.add': 'comment', 'worklog.add': 'worklog', 'attachment.add': 'attachment' } as const;

export async function loadContext(tx: Sql, mutation: Mutation, actor: Agent, now: string): Promise<MutationContext> {
  const agentList = await store.agents(tx);
  const ctx: MutationContext = {
    actor,
    now,
    mode: 'authoritative',
    agents: new Map(agentList.map((a) => [a.id, a])),
    organizations: await store.organizations(tx),
    nextKey: undefined,
  };
  const args = mutation.args as Record<string, unknown>;
  if (TICKET_ARG[mutation.name]) ctx.ticket = await store.ticket(tx, String(args.ticketId));
  if (mutation.name in APPENDS) ctx.exists = await store.exists(tx, APPENDS[mutation.name as keyof typeof APPENDS], String(args.id));
  switch (mutation.name) {
    case 'ticket.create':
      ctx.ticket = await store.ticket(tx, mutation.args.id);
      break;
    case 'ticket.linkArticle':
      ctx.article = await store.article(tx, mutation.args.articleId);
      break;
    case 'article.save':
    case 'article.setState':
      ctx.article = await store.article(tx, mutation.args.id);
      break;
    case 'ticket.bulkAssign':
      ctx.tickets = byId(await store.getMany<Ticket>(tx, 'ticket', mutation.args.ticketIds));
      break;
    case 'shift.handover': {
      const involved = agentList.filter((a) => a.shiftId === mutation.args.fromShiftId || a.shiftId === mutation.args.toShiftId);
      ctx.tickets = byId(await store.openTicketsOf(tx, involved.map((a) => a.id)));
      break;
    }
  }
  return ctx;
}

const byId = (tickets: Ticket[]) => new Map(tickets.map((t) => [t.id, t]));
