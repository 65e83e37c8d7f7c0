// The four mutations that edit a ticket's own fields, with their conflict rules (PROTOCOL.md's table).
import type { ArgsOf } from '../protocol/mutations';
import type { ConflictField } from '../protocol/sync';
import { HELP_TYPES, SERVICE_TYPES, type Ticket } from '../schemas/ticket';
import { invalid, rejected, type MutationContext, type Outcome } from './outcome';
import { checkAccess, checkAssign, maySeeDesk } from './permissions';
import { effectivePriority, priorityFromMatrix } from './priority';
import { canTransition } from './status';
import { diff, sameValue, slaDue, withChanges } from './ticket-state';

const notFound = (): Outcome => rejected('not_found', 'No such ticket');

function applied(before: Ticket, after: Ticket): Outcome {
  if (after === before) return { status: 'applied', puts: [], audit: [], version: before.version };
  const { before: b, after: a } = diff(before, after);
  return {
    status: 'applied',
    puts: [{ entity: 'ticket', id: after.id, op: 'put', data: after }],
    audit: [{ ticketId: after.id, outcome: 'applied', before: b, after: a }],
    version: after.version,
  };
}

function conflicted(before: Ticket, after: Ticket, fields: ConflictField[]): Outcome {
  const changed = after !== before;
  const d = changed ? diff(before, after) : { before: {}, after: {} };
  const theirs = Object.fromEntries(fields.map((f) => [f.field, f.theirs]));
  const mine = Object.fromEntries(fields.map((f) => [f.field, f.mine]));
  return {
    status: 'conflict',
    puts: changed ? [{ entity: 'ticket', id: after.id, op: 'put', data: after }] : [],
    audit: [{ ticketId: before.id, outcome: 'conflict', before: { ...d.before, ...theirs }, after: { ...d.after, ...mine } }],
    fields,
    current: after,
  };
}

export function createTicket(args: ArgsOf<'ticket.create'>, ctx: MutationContext): Outcome {
  const denied = checkAccess(ctx.actor, 'ticket.create', args.desk);
  if (denied) return { status: 'rejected', error: denied };
  if (ctx.ticket) {
    return ctx.ticket.createdBy === ctx.actor.id && ctx.ticket.subject === args.subject
      ? applied(ctx.ticket, ctx.ticket) // the same ticket sent again: already there
      : rejected('conflict', 'A ticket with this id already exists');
  }
  const base = {
    id: args.id,
    key: ctx.nextKey?.(args.desk) ?? null,
    subject: args.subject,
    description: args.description,
    status: 'new' as const,
    assigneeId: null,
    groupId: null,
    category: args.category ?? null,
    tags: args.tags ?? [],
    resolution: null,
    articleIds: [],
    sla: { firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, resolvedAt: null, pauses: [] },
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
    fieldVersions: {},
  };
  let ticket: Ticket;
  if (args.desk === 'service') {
    const org = ctx.organizations.find((o) => o.id === args.requester.organizationId && o.desk === 'service');
    if (!org) return invalid('args.requester.organizationId', 'Unknown client organisation');
    const impact = args.impact ?? 'medium';
    const urgency = args.urgency ?? 'medium';
    // A priority equal to the matrix is no override: it needs no reason and records none.
    const override = args.priority !== undefined && args.priority !== priorityFromMatrix(impact, urgency) ? args.priority : null;
    if (override !== null && !args.priorityReason) {
      return invalid('args.priorityReason', 'Overriding the matrix priority needs a reason');
    }
    const { priority, overridden } = effectivePriority({ impact, urgency, override, overrideReason: args.priorityReason ?? null });
    ticket = {
      ...base, desk: 'service', type: args.type, channel: args.channel, requester: args.requester,
      organizationId: org.id, impact, urgency, priority, priorityReason: overridden ? (args.priorityReason ?? null) : null,
      service: args.service ?? null, configurationItem: args.configurationItem ?? null, alert: null,
    };
  } else {
    const org = ctx.organizations.find((o) => o.desk === 'help');
    if (!org) return invalid('args.desk', 'No Help Desk organisation is set up');
    ticket = {
      ...base, desk: 'help', type: args.type, channel: args.channel, requester: args.requester,
      organizationId: org.id, priority: args.priority ?? 'P3', product: args.product ?? null,
    };
  }
  ticket = { ...ticket, sla: { ...ticket.sla, ...slaDue(ticket, ctx.organizations, ctx.slaPolicy) } };
  return {
    status: 'applied',
    puts: [{ entity: 'ticket', id: ticket.id, op: 'put', data: ticket }],
    audit: [{ ticketId: ticket.id, outcome: 'applied', before: {}, after: { subject: ticket.subject, desk: ticket.desk, type: ticket.type, priority: ticket.priority } }],
    version: ticket.version,
  };
}

const SERVICE_ONLY = ['impact', 'urgency', 'priorityReason', 'service'] as const;

export function updateTicket(args: ArgsOf<'ticket.update'>, ctx: MutationContext): Outcome {
  const ticket = ctx.ticket;
  if (!ticket) return notFound();
  const denied = checkAccess(ctx.actor, 'ticket.update', ticket.desk);
  if (denied) return { status: 'rejected', error: denied };
  const fields = args.fields as Record<string, unknown>;
  for (const key of SERVICE_ONLY) {
    if (key in fields && ticket.desk !== 'service') return invalid(`args.fields.${key}`, `${key} belongs to Service Desk tickets`);
  }
  if ('product' in fields && ticket.desk !== 'help') return invalid('args.fields.product', 'product belongs to Help Desk tickets');
  if (args.fields.type !== undefined) {
    const types: readonly string[] = ticket.desk === 'service' ? SERVICE_TYPES : HELP_TYPES;
    if (!types.includes(args.fields.type)) return invalid('args.fields.type', `A ${args.fields.type} is not a ${ticket.desk} desk ticket type`);
  }

  // A field is in conflict when the server changed it after the sender's base to another value.
  const conflicts: ConflictField[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [field, mine] of Object.entries(fields)) {
    const theirs = (ticket as Record<string, unknown>)[field];
    // Changed after the base, and the last change was not the sender's own: had someone else changed the
    // field in between, the sender's earlier edit of it would have conflicted and not been written.
    const changedAt = ticket.fieldVersions[field] ?? 0;
    const changedSinceBase = changedAt > args.baseVersion && !ctx.ownVersions?.has(changedAt);
    if (ctx.mode === 'authoritative' && changedSinceBase && !sameValue(theirs, mine)) conflicts.push({ field, mine, theirs });
    else accepted[field] = mine;
  }

  let changes: Partial<Ticket> = accepted as Partial<Ticket>;
  if (ticket.desk === 'service') {
    const impact = (accepted.impact as typeof ticket.impact | undefined) ?? ticket.impact;
    const urgency = (accepted.urgency as typeof ticket.urgency | undefined) ?? ticket.urgency;
    const matrix = priorityFromMatrix(impact, urgency);
    const wanted = (accepted.priority as Ticket['priority'] | undefined) ?? (ticket.priorityReason ? ticket.priority : matrix);
    const reason = 'priorityReason' in accepted ? (accepted.priorityReason as string | null) : ticket.priorityReason;
    if (wanted !== matrix && !reason?.trim()) return invalid('args.fields.priorityReason', 'Overriding the matrix priority needs a reason');
    changes = { ...changes, priority: wanted, priorityReason: wanted === matrix ? null : reason } as Partial<Ticket>;
  }
  const next = Object.keys(accepted).length > 0 ? withChanges(ticket, changes, ctx.now, ctx.organizations, ctx.slaPolicy) : ticket;
  const after = sameValue(diff(ticket, next).after, {}) ? ticket : next;
  return conflicts.length > 0 ? conflicted(ticket, after, conflicts) : applied(ticket, after);
}

export function assignTicket(args: ArgsOf<'ticket.assign'>, ctx: MutationContext): Outcome {
  const ticket = ctx.ticket;
  if (!ticket) return notFound();
  const denied = checkAccess(ctx.actor, 'ticket.assign', ticket.desk) ?? checkAssign(ctx.actor, args.assigneeId, args.expectedAssigneeId);
  if (denied) return { status: 'rejected', error: denied };
  return assignOne(ticket, args.assigneeId, args.groupId, args.expectedAssigneeId, ctx);
}

/** Shared by ticket.assign and each ticket of a bulk assignment. */
export function assignOne(ticket: Ticket, assigneeId: string | null, groupId: string | null | undefined, expected: string | null | undefined, ctx: MutationContext): Outcome {
  if (assigneeId !== null) {
    const assignee = ctx.agents.get(assigneeId);
    if (!assignee || !maySeeDesk(assignee, ticket.desk)) return invalid('args.assigneeId', `That agent does not work the ${ticket.desk} desk`);
  }
  const changes: Partial<Ticket> = { assigneeId, ...(groupId !== undefined ? { groupId } : {}) };
  if (ticket.assigneeId === assigneeId && (groupId === undefined || ticket.groupId === groupId)) return applied(ticket, ticket);
  if (ctx.mode === 'authoritative' && expected !== undefined && ticket.assigneeId !== expected && ticket.assigneeId !== assigneeId) {
    return conflicted(ticket, ticket, [{ field: 'assigneeId', mine: assigneeId, theirs: ticket.assigneeId }]);
  }
  return applied(ticket, withChanges(ticket, changes, ctx.now, ctx.organizations, ctx.slaPolicy));
}

export function setTicketStatus(args: ArgsOf<'ticket.setStatus'>, ctx: MutationContext): Outcome {
  const ticket = ctx.ticket;
  if (!ticket) return notFound();
  const denied = checkAccess(ctx.actor, 'ticket.setStatus', ticket.desk);
  if (denied) return { status: 'rejected', error: denied };
  if (ticket.status === args.status) return applied(ticket, ticket);
  if (ctx.mode === 'authoritative' && ticket.status !== args.expectedStatus) {
    return conflicted(ticket, ticket, [{ field: 'status', mine: args.status, theirs: ticket.status }]);
  }
  if (!canTransition(ticket.status, args.status)) {
    return invalid('args.status', `A ticket cannot go from ${ticket.status} to ${args.status}`);
  }
  // Waiting on the requester pauses the SLA; any other status runs it again.
  let pauses = ticket.sla.pauses.map((p) => (p.to === null ? { ...p, to: ctx.now } : p));
  if (args.status === 'pending') pauses = [...pauses, { from: ctx.now, to: null }];
  const resolvedAt = args.status === 'resolved' ? ctx.now : args.status === 'closed' ? ticket.sla.resolvedAt : null;
  const changes: Partial<Ticket> = {
    status: args.status,
    sla: { ...ticket.sla, pauses, resolvedAt },
    ...(args.status === 'resolved' ? { resolution: args.resolution ?? ticket.resolution } : {}),
  };
  return applied(ticket, withChanges(ticket, changes, ctx.now, ctx.organizations, ctx.slaPolicy));
}
