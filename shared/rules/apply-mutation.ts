// One entry point that runs any mutation of PROTOCOL.md against current state. The server runs it
// authoritatively inside a transaction; the console runs it optimistically on its cache and again on
// top of every pulled page while the mutation is pending (DESIGN.md, sync rule 3).
import type { ArgsOf, Mutation } from '../protocol/mutations';
import type { Article } from '../schemas/entities';
import type { Ticket } from '../schemas/ticket';
import { MAX_ATTACHMENT_BYTES } from '../schemas/entities';
import { planHandover } from './handover';
import { changedByOthers, invalid, rejected, type AuditEntry, type MutationContext, type Outcome, type Put } from './outcome';
import { checkAccess, checkArticleEdit, desksOf, forbidden, maySeeDesk } from './permissions';
import { addDays, rosterEntryId } from './roster';
import { isOpenStatus } from './status';
import { assignOne, assignTicket, createTicket, setTicketStatus, updateTicket } from './ticket-mutations';
import { withChanges } from './ticket-state';

export function applyMutation(mutation: Mutation, ctx: MutationContext): Outcome {
  switch (mutation.name) {
    case 'ticket.create': return createTicket(mutation.args, ctx);
    case 'ticket.update': return updateTicket(mutation.args, ctx);
    case 'ticket.assign': return assignTicket(mutation.args, ctx);
    case 'ticket.setStatus': return setTicketStatus(mutation.args, ctx);
    case 'comment.add': return addComment(mutation.args, ctx);
    case 'worklog.add': return addWorklog(mutation.args, ctx);
    case 'attachment.add': return addAttachment(mutation.args, ctx);
    case 'ticket.linkArticle': return linkArticle(mutation.args, ctx);
    case 'article.save': return saveArticle(mutation.args, ctx);
    case 'article.setState': return setArticleState(mutation.args, ctx);
    case 'ticket.bulkAssign': return bulkAssign(mutation.args, ctx);
    case 'shift.handover': return handover(mutation.args, ctx);
    case 'roster.set': return setRoster(mutation.args, ctx);
  }
}

/** The ticket an append goes to, after the role and desk checks. */
function ticketFor(name: Mutation['name'], ctx: MutationContext): { ticket: Ticket } | { outcome: Outcome } {
  if (!ctx.ticket) return { outcome: rejected('not_found', 'No such ticket') };
  const denied = checkAccess(ctx.actor, name, ctx.ticket.desk);
  return denied ? { outcome: { status: 'rejected', error: denied } } : { ticket: ctx.ticket };
}

/** An append: one new row and its line in the ticket's history. */
const appended = (p: Put, ticketId: string, after: Record<string, unknown>): Outcome => ({
  status: 'applied',
  puts: [p],
  audit: [{ ticketId, outcome: 'applied', before: {}, after }],
});
const alreadyThere: Outcome = { status: 'applied', puts: [], audit: [] };

function addComment(args: ArgsOf<'comment.add'>, ctx: MutationContext): Outcome {
  const found = ticketFor('comment.add', ctx);
  if ('outcome' in found) return found.outcome;
  if (ctx.exists) return alreadyThere; // appends carry client ids: a re-sent one is already applied
  const comment = { id: args.id, ticketId: args.ticketId, authorId: ctx.actor.id, body: args.body, visibility: args.visibility, createdAt: ctx.now };
  const puts: Put[] = [{ entity: 'comment', id: comment.id, op: 'put', data: comment }];
  const audit: AuditEntry[] = [{ ticketId: args.ticketId, outcome: 'applied', before: {}, after: { comment: args.visibility } }];
  // The first public reply stops the first-response clock.
  const { ticket } = found;
  if (args.visibility === 'public' && ticket.sla.firstResponseAt === null) {
    const next = withChanges(ticket, { sla: { ...ticket.sla, firstResponseAt: ctx.now } }, ctx.now, ctx.organizations, ctx.slaPolicy);
    puts.push({ entity: 'ticket', id: next.id, op: 'put', data: next });
  }
  return { status: 'applied', puts, audit };
}

function addWorklog(args: ArgsOf<'worklog.add'>, ctx: MutationContext): Outcome {
  const found = ticketFor('worklog.add', ctx);
  if ('outcome' in found) return found.outcome;
  if (ctx.exists) return alreadyThere;
  const worklog = { ...args, agentId: ctx.actor.id, createdAt: ctx.now };
  return appended({ entity: 'worklog', id: args.id, op: 'put', data: worklog }, args.ticketId, { worklogMinutes: args.minutes, onSite: args.onSite });
}

function addAttachment(args: ArgsOf<'attachment.add'>, ctx: MutationContext): Outcome {
  const found = ticketFor('attachment.add', ctx);
  if ('outcome' in found) return found.outcome;
  if (args.size > MAX_ATTACHMENT_BYTES) return rejected('too_large', `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, [{ path: 'args.size' }]);
  if (ctx.exists) return alreadyThere;
  const attachment = { ...args, uploaded: false, createdBy: ctx.actor.id, createdAt: ctx.now };
  return appended({ entity: 'attachment', id: args.id, op: 'put', data: attachment }, args.ticketId, { attachment: args.fileName });
}

function linkArticle(args: ArgsOf<'ticket.linkArticle'>, ctx: MutationContext): Outcome {
  const found = ticketFor('ticket.linkArticle', ctx);
  if ('outcome' in found) return found.outcome;
  if (ctx.article === null) return invalid('args.articleId', 'No such article');
  const { ticket } = found;
  if (ticket.articleIds.includes(args.articleId)) return alreadyThere;
  const next = withChanges(ticket, { articleIds: [...ticket.articleIds, args.articleId] }, ctx.now, ctx.organizations, ctx.slaPolicy);
  return {
    status: 'applied',
    puts: [{ entity: 'ticket', id: next.id, op: 'put', data: next }],
    audit: [{ ticketId: ticket.id, outcome: 'applied', before: {}, after: { linkedArticle: args.articleId } }],
    version: next.version,
  };
}

const ARTICLE_FIELDS = ['title', 'body', 'desk', 'language', 'category', 'tags'] as const;

function saveArticle(args: ArgsOf<'article.save'>, ctx: MutationContext): Outcome {
  const current = ctx.article ?? null;
  const denied = checkAccess(ctx.actor, 'article.save', args.desk) ??
    (current && !maySeeDesk(ctx.actor, current.desk) ? checkAccess(ctx.actor, 'article.save', current.desk) : null) ??
    checkArticleEdit(ctx.actor, current);
  if (denied) return { status: 'rejected', error: denied };
  const next: Article = {
    id: args.id,
    title: args.title,
    body: args.body,
    desk: args.desk,
    language: args.language,
    category: args.category ?? null,
    tags: args.tags ?? [],
    state: current?.state ?? 'draft',
    authorId: current?.authorId ?? ctx.actor.id,
    version: (current?.version ?? 0) + 1,
    updatedAt: ctx.now,
  };
  if (current && ctx.mode === 'authoritative' && changedByOthers(args.baseVersion ?? 0, current.version, ctx.ownVersions)) {
    const fields = ARTICLE_FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]))
      .map((field) => ({ field, mine: next[field], theirs: current[field] }));
    if (fields.length > 0) return { status: 'conflict', puts: [], audit: [], fields, current };
  }
  return { status: 'applied', puts: [{ entity: 'article', id: next.id, op: 'put', data: next }], audit: [], version: next.version };
}

function setArticleState(args: ArgsOf<'article.setState'>, ctx: MutationContext): Outcome {
  const current = ctx.article;
  if (!current) return rejected('not_found', 'No such article');
  const denied = checkAccess(ctx.actor, 'article.setState', current.desk);
  if (denied) return { status: 'rejected', error: denied };
  if (current.state === args.state) return alreadyThere;
  const next: Article = { ...current, state: args.state, version: current.version + 1, updatedAt: ctx.now };
  return { status: 'applied', puts: [{ entity: 'article', id: next.id, op: 'put', data: next }], audit: [], version: next.version };
}

type TicketOutcome = { ticketId: string; status: 'applied' | 'conflict' | 'rejected'; error?: { code: string; message: string } };

function bulkAssign(args: ArgsOf<'ticket.bulkAssign'>, ctx: MutationContext): Outcome {
  const denied = checkAccess(ctx.actor, 'ticket.bulkAssign');
  if (denied) return { status: 'rejected', error: denied };
  const puts: Put[] = [];
  const audit: AuditEntry[] = [];
  const tickets: TicketOutcome[] = [];
  for (const ticketId of args.ticketIds) {
    const ticket = ctx.tickets?.get(ticketId);
    const outcome = !ticket
      ? rejected('not_found', 'No such ticket')
      : checkAccess(ctx.actor, 'ticket.bulkAssign', ticket.desk)
        ? rejected('forbidden', `You do not work the ${ticket.desk} desk`)
        : assignOne(ticket, args.assigneeId, args.groupId, args.expected?.[ticketId], ctx);
    if (outcome.status === 'rejected') tickets.push({ ticketId, status: 'rejected', error: outcome.error });
    else {
      puts.push(...outcome.puts);
      audit.push(...outcome.audit);
      tickets.push({ ticketId, status: outcome.status });
    }
  }
  return { status: 'applied', puts, audit, details: { tickets } };
}

function handover(args: ArgsOf<'shift.handover'>, ctx: MutationContext): Outcome {
  const denied = checkAccess(ctx.actor, 'shift.handover');
  if (denied) return { status: 'rejected', error: denied };
  if (args.fromShiftId === args.toShiftId) return invalid('args.toShiftId', 'A shift cannot hand over to itself');
  if (!ctx.shifts?.has(args.fromShiftId)) return invalid('args.fromShiftId', 'No such shift');
  if (!ctx.shifts.has(args.toShiftId)) return invalid('args.toShiftId', 'No such shift');
  const open = [...(ctx.tickets?.values() ?? [])].filter((t) => isOpenStatus(t.status));
  const plan = planHandover({
    ...args,
    agents: [...ctx.agents.values()],
    shifts: [...ctx.shifts.values()],
    roster: ctx.roster ?? new Map(),
    nowMs: Date.parse(ctx.now),
    tickets: open,
  });
  const puts: Put[] = [];
  const audit: AuditEntry[] = [];
  for (const move of plan.moves) {
    const ticket = ctx.tickets?.get(move.ticketId);
    if (!ticket) continue;
    const moved = withChanges(ticket, { assigneeId: move.to }, ctx.now, ctx.organizations, ctx.slaPolicy);
    // Marked, so the arriving agent's console can say who handed the ticket over.
    const next = { ...moved, handover: { by: ctx.actor.id, at: ctx.now, version: moved.version } };
    puts.push({ entity: 'ticket', id: next.id, op: 'put', data: next });
    audit.push({ ticketId: next.id, outcome: 'applied', before: { assigneeId: move.from }, after: { assigneeId: move.to, handover: args.note ?? null } });
  }
  return { status: 'applied', puts, audit, details: { moved: plan.moves, unplaced: plan.unplaced } };
}

/**
 * One cell of the roster. A supervisor rosters the agents of the desks it works; a day already over
 * stays as it was worked (a day's grace, since "today" depends on the shift's time zone and a night
 * shift runs into the next day).
 */
function setRoster(args: ArgsOf<'roster.set'>, ctx: MutationContext): Outcome {
  const denied = checkAccess(ctx.actor, 'roster.set');
  if (denied) return { status: 'rejected', error: denied };
  const agent = ctx.agents.get(args.agentId);
  if (!agent) return invalid('args.agentId', 'No such agent');
  if (!desksOf(agent).some((desk) => maySeeDesk(ctx.actor, desk))) {
    return { status: 'rejected', error: forbidden('You may roster only agents of the desks you work') };
  }
  if (args.shiftId !== null && ctx.shifts && !ctx.shifts.has(args.shiftId)) return invalid('args.shiftId', 'No such shift');
  if (args.date < addDays(ctx.now.slice(0, 10), -1)) return invalid('args.date', 'The roster of a day already over cannot change');
  const id = rosterEntryId(args.date, args.agentId);
  if (ctx.rosterEntry && ctx.rosterEntry.shiftId === args.shiftId) return alreadyThere;
  const entry = { id, date: args.date, agentId: args.agentId, shiftId: args.shiftId };
  return { status: 'applied', puts: [{ entity: 'roster', id, op: 'put', data: entry }], audit: [] };
}
