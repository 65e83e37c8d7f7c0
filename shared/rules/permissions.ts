// Who may run which mutation on what (DESIGN.md's users). The server enforces this on every call;
// the console uses the same table to hide what the agent cannot do.
import type { ProtocolError } from '../protocol/errors';
import type { MutationName } from '../protocol/mutations';
import type { Desk } from '../schemas/common';
import type { Agent, Article, Role } from '../schemas/entities';

const TICKET_WORK: readonly MutationName[] = [
  'ticket.create', 'ticket.update', 'ticket.assign', 'ticket.setStatus',
  'comment.add', 'worklog.add', 'attachment.add', 'ticket.linkArticle',
];
const SUPERVISION: readonly MutationName[] = ['ticket.bulkAssign', 'shift.handover', 'roster.set', 'article.setState'];

export const ROLE_MUTATIONS: Record<Role, readonly MutationName[]> = {
  agent: [...TICKET_WORK, 'article.save'],
  field_tech: TICKET_WORK,
  supervisor: [...TICKET_WORK, 'article.save', ...SUPERVISION],
  admin: [...TICKET_WORK, 'article.save', ...SUPERVISION],
};

/** Desks a field tech works, whatever their profile says: field work is Service Desk work. */
export function desksOf(actor: Agent): readonly Desk[] {
  if (actor.role === 'admin') return ['service', 'help'];
  if (actor.role === 'field_tech') return ['service'];
  return actor.desks;
}

export function mayRun(actor: Agent, name: MutationName): boolean {
  return ROLE_MUTATIONS[actor.role].includes(name);
}

export function maySeeDesk(actor: Agent, desk: Desk | 'both'): boolean {
  const desks = desksOf(actor);
  return desk === 'both' ? desks.length > 0 : desks.includes(desk);
}

export const forbidden = (message: string): ProtocolError => ({ code: 'forbidden', message });

/** The role-level and desk-level check every mutation passes before it touches anything. */
export function checkAccess(actor: Agent, name: MutationName, desk?: Desk | 'both'): ProtocolError | null {
  if (!mayRun(actor, name)) return forbidden(`A ${actor.role.replace('_', ' ')} may not run ${name}`);
  if (desk !== undefined && !maySeeDesk(actor, desk)) return forbidden(`You do not work the ${desk} desk`);
  return null;
}

/** Agents and field techs take work for themselves; only supervisors and admins assign others. */
export function checkAssign(actor: Agent, assigneeId: string | null, expectedAssigneeId: string | null): ProtocolError | null {
  if (actor.role === 'supervisor' || actor.role === 'admin') return null;
  if (assigneeId === actor.id) return null;
  if (assigneeId === null && expectedAssigneeId === actor.id) return null;
  return forbidden('You may assign tickets only to yourself or unassign yourself');
}

/** Agents write drafts; what is published or archived belongs to supervisors. */
export function checkArticleEdit(actor: Agent, current: Article | null): ProtocolError | null {
  if (current === null || current.state === 'draft') return null;
  if (actor.role === 'supervisor' || actor.role === 'admin') return null;
  return forbidden('Only a supervisor may edit a published or archived article');
}
