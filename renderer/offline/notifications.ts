// What to notify, as pure decisions: given what was known before, what the cache shows now, the user's
// notification settings and the time, which notices to show and what to remember. The hook
// (use-notifications.ts) only feeds these and hands the notices to the desktop bridge.
//
// Rules: the first snapshot after (re)loading the cache is a baseline and never notifies; a switch that
// is off shows nothing but still moves the baseline, so turning it on later does not replay the past.
import type { NotificationPreferences } from '../../shared/ipc/settings';
import { calendarFor, DEFAULT_SLA_POLICY, slaClock, type SlaPolicy } from '../../shared/rules/sla';
import { isOpenStatus, type Status } from '../../shared/rules/status';
import type { Ticket } from '../../shared/schemas/ticket';

export type NoticeKind = 'assigned' | 'sla_warning' | 'conflict';

/** A notice before translation: message keys of the "offline" namespace and their parameters. */
export type Notice = {
  kind: NoticeKind;
  /** The ticket a click opens; null when the notice is about several tickets. */
  ticketKey: string | null;
  title: string;
  body: string;
  params: Record<string, string | number>;
};

export type TicketBrief = {
  id: string;
  key: string | null;
  subject: string;
  status: Status;
  /** Who handed the ticket over to me, when a shift handover made it mine. */
  handedOverBy?: { id: string; name: string };
};

/** More tickets than this arriving at once are listed as "and N more". */
const LISTED = 3;
const MINUTE = 60_000;
// The bridge accepts only server-made keys (SD-1042); a ticket made offline has none yet.
const TICKET_KEY = /^[A-Z]{2,5}-[1-9][0-9]{0,8}$/;

export const notifiableKey = (key: string | null | undefined): string | null => (key && TICKET_KEY.test(key) ? key : null);

function wants(prefs: NotificationPreferences, kind: NoticeKind): boolean {
  if (!prefs.enabled) return false;
  return kind === 'assigned' ? prefs.assignedToMe : kind === 'sla_warning' ? prefs.slaWarning : prefs.conflicts;
}

const label = (t: { key: string | null; subject: string }) => t.key ?? t.subject;

function listed(items: readonly string[]): { list: string; more: number } {
  return { list: items.slice(0, LISTED).join(', '), more: Math.max(0, items.length - LISTED) };
}

// ---------------------------------------------------------------------------------------------------
// Assigned to me, and handovers (the same signal: tickets that became mine).

export type AssignedSnapshot = {
  /** False while the cache is (re)loading: tickets appearing then were mine all along. */
  bootstrapped: boolean;
  /** Every ticket assigned to me, whatever its status. */
  tickets: readonly TicketBrief[];
  /** Tickets I assigned to myself (changes still in the outbox): not news to me. */
  selfAssigned: ReadonlySet<string>;
};

export type Decision<S> = { known: S; notices: Notice[] };

export function decideAssigned(
  known: ReadonlySet<string> | null,
  snapshot: AssignedSnapshot,
  prefs: NotificationPreferences,
): Decision<Set<string> | null> {
  if (!snapshot.bootstrapped) return { known: null, notices: [] };
  const ids = new Set(snapshot.tickets.map((t) => t.id));
  if (known === null) return { known: ids, notices: [] };
  const arrived = snapshot.tickets
    .filter((t) => !known.has(t.id) && isOpenStatus(t.status) && !snapshot.selfAssigned.has(t.id))
    .sort((a, b) => label(a).localeCompare(label(b), 'en', { numeric: true }));
  if (arrived.length === 0 || !wants(prefs, 'assigned')) return { known: ids, notices: [] };
  // A shift handover is one notice per supervisor who ran it, however many tickets it moved to me.
  const byGiver = new Map<string, TicketBrief[]>();
  const direct: TicketBrief[] = [];
  for (const ticket of arrived) {
    if (!ticket.handedOverBy) direct.push(ticket);
    else byGiver.set(ticket.handedOverBy.id, [...(byGiver.get(ticket.handedOverBy.id) ?? []), ticket]);
  }
  const notices = [...byGiver.values()].map(handedOver);
  if (direct.length > 0) notices.push(assigned(direct));
  return { known: ids, notices };
}

function handedOver(tickets: readonly TicketBrief[]): Notice {
  const { list, more } = listed(tickets.map(label));
  const [first] = tickets as [TicketBrief];
  return {
    kind: 'assigned',
    ticketKey: tickets.length === 1 ? notifiableKey(first.key) : null,
    title: 'notify.handoverBy.title',
    body: more > 0 ? 'notify.handover.bodyMore' : 'notify.handover.body',
    params: { count: tickets.length, list, more, by: first.handedOverBy?.name ?? '' },
  };
}

function assigned(tickets: readonly TicketBrief[]): Notice {
  if (tickets.length === 1) {
    const [ticket] = tickets as [TicketBrief];
    return { kind: 'assigned', ticketKey: notifiableKey(ticket.key), title: 'notify.assigned.title', body: 'notify.assigned.body', params: { ticket: label(ticket), subject: ticket.subject } };
  }
  const { list, more } = listed(tickets.map(label));
  return {
    kind: 'assigned',
    ticketKey: null,
    title: 'notify.handover.title',
    body: more > 0 ? 'notify.handover.bodyMore' : 'notify.handover.body',
    params: { count: tickets.length, list, more },
  };
}

// ---------------------------------------------------------------------------------------------------
// SLA about to breach.

export type SlaClockKind = 'firstResponse' | 'resolution';
export type DueClock = { ticketId: string; key: string | null; subject: string; clock: SlaClockKind; dueAt: string };

/**
 * The running clocks of an open ticket with their due instants (wall-clock, so a Help Desk clock that
 * runs out Monday morning is not "due in 10 minutes" on Friday evening). A clock that stopped, is held
 * by the pending status or has already breached is not about to breach.
 */
export function runningClocks(ticket: Ticket, timeZone: string, now: Date, policy: SlaPolicy = DEFAULT_SLA_POLICY): DueClock[] {
  if (!isOpenStatus(ticket.status)) return [];
  const calendar = calendarFor(ticket.desk, timeZone);
  const targets = policy[ticket.desk][ticket.priority];
  const at = now.toISOString();
  const clocks = [
    { clock: 'firstResponse' as const, targetMinutes: targets.firstResponseMinutes, pauses: [], stoppedAt: ticket.sla.firstResponseAt ?? ticket.sla.resolvedAt },
    { clock: 'resolution' as const, targetMinutes: targets.resolutionMinutes, pauses: ticket.sla.pauses, stoppedAt: ticket.sla.resolvedAt },
  ];
  return clocks.flatMap(({ clock, targetMinutes, pauses, stoppedAt }) => {
    if (stoppedAt !== null) return [];
    const reading = slaClock({ calendar, startedAt: ticket.createdAt, targetMinutes, pauses, now: at });
    if (reading.paused || reading.state === 'breached' || reading.dueAt === null) return [];
    return [{ ticketId: ticket.id, key: ticket.key, subject: ticket.subject, clock, dueAt: reading.dueAt }];
  });
}

/** One notice per ticket: `notified` holds the tickets already warned about. */
export function decideSla(
  notified: ReadonlySet<string>,
  clocks: readonly DueClock[],
  now: Date,
  prefs: NotificationPreferences,
): Decision<Set<string>> {
  if (!wants(prefs, 'sla_warning')) return { known: new Set(notified), notices: [] };
  const lead = prefs.slaLeadMinutes * MINUTE;
  const soonest = new Map<string, DueClock>();
  for (const c of clocks) {
    const left = Date.parse(c.dueAt) - now.getTime();
    if (left <= 0 || left > lead || notified.has(c.ticketId)) continue;
    const seen = soonest.get(c.ticketId);
    if (!seen || Date.parse(c.dueAt) < Date.parse(seen.dueAt)) soonest.set(c.ticketId, c);
  }
  const due = [...soonest.values()].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const known = new Set([...notified, ...due.map((c) => c.ticketId)]);
  const minutesLeft = (c: DueClock) => Math.max(1, Math.ceil((Date.parse(c.dueAt) - now.getTime()) / MINUTE));
  if (due.length > LISTED) {
    const { list, more } = listed(due.map(label));
    return {
      known,
      notices: [{ kind: 'sla_warning', ticketKey: null, title: 'notify.slaMany.title', body: 'notify.slaMany.body', params: { count: due.length, minutes: prefs.slaLeadMinutes, list, more } }],
    };
  }
  return {
    known,
    notices: due.map((c) => ({
      kind: 'sla_warning' as const,
      ticketKey: notifiableKey(c.key),
      title: 'notify.sla.title',
      body: c.clock === 'firstResponse' ? 'notify.sla.bodyFirstResponse' : 'notify.sla.bodyResolution',
      params: { ticket: label(c), subject: c.subject, count: minutesLeft(c) },
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Conflicts after a sync.

export type ConflictBrief = { id: string; ticketKey: string | null };

export function decideConflicts(
  known: ReadonlySet<string> | null,
  conflicts: readonly ConflictBrief[],
  prefs: NotificationPreferences,
): Decision<Set<string>> {
  const ids = new Set(conflicts.map((c) => c.id));
  if (known === null) return { known: ids, notices: [] };
  const fresh = conflicts.filter((c) => !known.has(c.id));
  if (fresh.length === 0 || !wants(prefs, 'conflict')) return { known: ids, notices: [] };
  if (fresh.length === 1) {
    const [conflict] = fresh as [ConflictBrief];
    return {
      known: ids,
      notices: [{
        kind: 'conflict',
        ticketKey: notifiableKey(conflict.ticketKey),
        title: conflict.ticketKey ? 'notify.conflict.title' : 'notify.conflict.titleNoKey',
        body: 'notify.conflict.body',
        params: { ticket: conflict.ticketKey ?? '' },
      }],
    };
  }
  return {
    known: ids,
    notices: [{ kind: 'conflict', ticketKey: null, title: 'notify.conflicts.title', body: 'notify.conflicts.body', params: { count: fresh.length } }],
  };
}
