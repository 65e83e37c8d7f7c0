// Small pure edits of a ticket that every ticket mutation shares: versioning and the SLA clock.
import type { Organization } from '../schemas/entities';
import type { Ticket } from '../schemas/ticket';
import { DEFAULT_SLA_POLICY, ticketSla, type SlaPolicy } from './sla';

export const DEFAULT_TIME_ZONE = 'Europe/Prague';

export function timeZoneOf(organizations: readonly Organization[], organizationId: string): string {
  return organizations.find((o) => o.id === organizationId)?.timeZone ?? DEFAULT_TIME_ZONE;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose values differ between two states of a ticket, as before/after maps for the audit. */
export function diff(before: Ticket, after: Ticket): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Ticket)[]) {
    if (key === 'version' || key === 'fieldVersions' || key === 'updatedAt') continue;
    if (!sameValue(before[key], after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * A new version of the ticket with `changes` applied, the version raised, each changed field stamped
 * with that version (the base of field-level conflicts) and the SLA due times recomputed.
 */
export function withChanges(
  ticket: Ticket,
  changes: Partial<Ticket>,
  now: string,
  organizations: readonly Organization[],
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): Ticket {
  const version = ticket.version + 1;
  const fieldVersions = { ...ticket.fieldVersions };
  for (const key of Object.keys(changes)) {
    if (!sameValue((ticket as Record<string, unknown>)[key], (changes as Record<string, unknown>)[key])) fieldVersions[key] = version;
  }
  const next = { ...ticket, ...changes, version, fieldVersions, updatedAt: now } as Ticket;
  return { ...next, sla: { ...next.sla, ...slaDue(next, organizations, policy) } } as Ticket;
}

export function slaDue(ticket: Ticket, organizations: readonly Organization[], policy: SlaPolicy = DEFAULT_SLA_POLICY) {
  return ticketSla({
    desk: ticket.desk,
    priority: ticket.priority,
    createdAt: ticket.createdAt,
    pauses: ticket.sla.pauses,
    firstResponseAt: ticket.sla.firstResponseAt,
    resolvedAt: ticket.sla.resolvedAt,
    timeZone: timeZoneOf(organizations, ticket.organizationId),
    policy,
  });
}
