// Which cached rows a mutation writes when applied optimistically. While a mutation is outstanding the
// server's copy of each of these rows is kept aside (a shadow), so the agent's change can be re-applied
// on top of newer server state, or taken back when the server refuses it.
import type { Mutation } from '../../shared/protocol/mutations';
import type { EntityName } from '../../shared/protocol/sync';
import { rosterEntryId } from '../../shared/rules/roster';

export const rowKey = (entity: EntityName, id: string) => `${entity}:${id}`;

export function parseRowKey(key: string): { entity: EntityName; id: string } {
  const at = key.indexOf(':');
  return { entity: key.slice(0, at) as EntityName, id: key.slice(at + 1) };
}

export function touchedRows(m: Mutation): string[] {
  switch (m.name) {
    case 'ticket.create': return [rowKey('ticket', m.args.id)];
    case 'ticket.update':
    case 'ticket.assign':
    case 'ticket.setStatus':
    case 'ticket.linkArticle': return [rowKey('ticket', m.args.ticketId)];
    // The first public reply also stops the ticket's first-response clock.
    case 'comment.add': return [rowKey('comment', m.args.id), rowKey('ticket', m.args.ticketId)];
    case 'worklog.add': return [rowKey('worklog', m.args.id)];
    case 'attachment.add': return [rowKey('attachment', m.args.id)];
    case 'article.save':
    case 'article.setState': return [rowKey('article', m.args.id)];
    case 'ticket.bulkAssign': return m.args.ticketIds.map((id) => rowKey('ticket', id));
    // A handover is planned on the server over tickets this device may not hold; its moves come by pull.
    case 'shift.handover': return [];
    case 'roster.set': return [rowKey('roster', rosterEntryId(m.args.date, m.args.agentId))];
  }
}
