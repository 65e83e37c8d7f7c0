// Desktop notifications for the signed-in agent, mounted once in the console: watches the cache (my
// tickets, conflicts) and the clock, asks the pure decisions in notifications.ts what to say, and hands
// the notices to the desktop bridge. A click on a notification opens its ticket.
import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '../../shared/ipc/settings';
import type { SwitchboardBridge } from '../../shared/ipc/contract';
import { useConsole } from '../app/console-context';
import { useUiStore } from '../app/ui-store';
import type { CacheDb } from '../db/cache-db';
import { desktop } from '../desktop';
import { rowKey } from '../sync/touched-rows';
import { i18next } from '../i18n';
import {
  decideAssigned, decideConflicts, decideSla, runningClocks, type AssignedSnapshot, type ConflictBrief, type Notice,
} from './notifications';
import type { Ticket } from '../../shared/schemas/ticket';
import { DEFAULT_TIME_ZONE, ticketIdOf } from './tickets';

export type NotificationBridge = Pick<SwitchboardBridge, 'showNotification' | 'getSettings' | 'onNotificationClicked'>;

export type NotificationOptions = {
  /** The desktop bridge by default; tests pass a fake. */
  bridge?: NotificationBridge;
  /** How often SLA clocks are checked; a minute by default. */
  checkEveryMs?: number;
};

const MINUTE = 60_000;

async function preferences(bridge: NotificationBridge): Promise<NotificationPreferences> {
  try {
    const answer = await bridge.getSettings();
    return answer.ok ? answer.value.notifications : DEFAULT_NOTIFICATION_PREFERENCES;
  } catch {
    return DEFAULT_NOTIFICATION_PREFERENCES;
  }
}

function show(bridge: NotificationBridge, notice: Notice): void {
  const t = i18next.getFixedT(null, 'offline');
  void bridge
    .showNotification({ kind: notice.kind, title: t(notice.title, notice.params), body: t(notice.body, notice.params), ticketKey: notice.ticketKey })
    .catch((error: unknown) => console.error('Showing a notification failed', error));
}

/** Finds a ticket by its human key (my own tickets first: the usual case, and indexed). */
export async function findTicketByKey(db: CacheDb, actorId: string, key: string) {
  const mine = await db.tickets.where('assigneeId').equals(actorId).filter((t) => t.key === key).first();
  return mine ?? db.tickets.filter((t) => t.key === key).first();
}

export function useNotifications(options: NotificationOptions = {}): void {
  const { db, actor, now } = useConsole();
  const bridge = options.bridge ?? null;
  const checkEveryMs = options.checkEveryMs ?? MINUTE;

  useEffect(() => {
    const door = bridge ?? desktop();
    let stopped = false;
    let known: ReadonlySet<string> | null = null;
    let knownConflicts: ReadonlySet<string> | null = null;
    let slaNotified: ReadonlySet<string> = new Set();
    let latest: { snapshot: AssignedSnapshot; tickets: Awaited<ReturnType<typeof readMine>>['tickets'] } | null = null;
    // Decisions run one after another: each needs the settings (asynchronous) and the last baseline.
    let queue = Promise.resolve();
    const run = (step: (prefs: NotificationPreferences) => void) => {
      queue = queue.then(async () => {
        const prefs = await preferences(door);
        if (!stopped) step(prefs);
      }).catch((error: unknown) => console.error('A notification check failed', error));
    };
    const emit = (notices: readonly Notice[]) => notices.forEach((n) => show(door, n));

    const checkSla = (prefs: NotificationPreferences) => {
      if (!latest?.snapshot.bootstrapped) return;
      const at = now();
      const clocks = latest.tickets.flatMap(({ ticket, timeZone }) => runningClocks(ticket, timeZone, at));
      const decision = decideSla(slaNotified, clocks, at, prefs);
      slaNotified = decision.known;
      emit(decision.notices);
    };

    const mine = liveQuery(() => readMine(db, actor.id)).subscribe({
      next: (value) => {
        latest = value;
        run((prefs) => {
          const decision = decideAssigned(known, value.snapshot, prefs);
          known = decision.known;
          emit(decision.notices);
          checkSla(prefs);
        });
      },
      error: (error: unknown) => console.error('Watching my tickets failed', error),
    });

    const conflicts = liveQuery(() => readConflicts(db)).subscribe({
      next: (value) => run((prefs) => {
        const decision = decideConflicts(knownConflicts, value, prefs);
        knownConflicts = decision.known;
        emit(decision.notices);
      }),
      error: (error: unknown) => console.error('Watching conflicts failed', error),
    });

    const timer = setInterval(() => run(checkSla), checkEveryMs);

    const unsubscribe = door.onNotificationClicked(({ ticketKey }) => {
      void findTicketByKey(db, actor.id, ticketKey).then((ticket) => {
        if (!ticket || stopped) return;
        const ui = useUiStore.getState();
        ui.openTicketIn(ticket.desk, ticket.id);
        ui.focusPane(ticket.desk);
      });
    });

    return () => {
      stopped = true;
      mine.unsubscribe();
      conflicts.unsubscribe();
      clearInterval(timer);
      unsubscribe();
    };
  }, [db, actor.id, now, bridge, checkEveryMs]);
}

/** My tickets and the tickets I assigned to myself, read together so the two never disagree. */
async function readMine(db: CacheDb, actorId: string) {
  return db.transaction('r', [db.tickets, db.shadows, db.meta, db.organizations, db.agents], async () => {
    const [rows, bootstrapped] = await Promise.all([
      db.tickets.where('assigneeId').equals(actorId).toArray(),
      db.getMeta<boolean>('bootstrapped'),
    ]);
    // Mine only through my own outstanding change (an assignment, a new ticket): the server's copy of
    // the row, kept aside while the change is out, is someone else's or absent. Read per ticket, not
    // from the outbox, which may hold thousands of changes made offline.
    const shadows = await db.shadows.bulkGet(rows.map((t) => rowKey('ticket', t.id)));
    const selfAssigned = new Set<string>();
    rows.forEach((t, i) => {
      const shadow = shadows[i];
      if (shadow && (shadow.data as Ticket | null)?.assigneeId !== actorId) selfAssigned.add(t.id);
    });
    const orgs = await db.organizations.bulkGet([...new Set(rows.map((t) => t.organizationId))]);
    const zones = new Map(orgs.flatMap((o) => (o ? [[o.id, o.timeZone] as const] : [])));
    const givers = await handoverGivers(db, rows);
    // A handover I ran myself that made tickets mine is no news to me.
    for (const t of rows) if (givers.get(t.id)?.id === actorId) selfAssigned.add(t.id);
    const snapshot: AssignedSnapshot = {
      bootstrapped: bootstrapped === true,
      tickets: rows.map((t) => {
        const giver = givers.get(t.id);
        return { id: t.id, key: t.key, subject: t.subject, status: t.status, ...(giver ? { handedOverBy: giver } : {}) };
      }),
      selfAssigned,
    };
    return { snapshot, tickets: rows.map((ticket) => ({ ticket, timeZone: zones.get(ticket.organizationId) ?? DEFAULT_TIME_ZONE })) };
  });
}

/** Who handed each ticket over, for the tickets whose current assignee a shift handover set. */
async function handoverGivers(db: CacheDb, tickets: readonly Ticket[]): Promise<Map<string, { id: string; name: string }>> {
  const marked = tickets.filter((t) => t.handover !== undefined && t.handover.version === t.fieldVersions.assigneeId);
  const ids = [...new Set(marked.map((t) => t.handover!.by))];
  const agents = new Map((await db.agents.bulkGet(ids)).flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  return new Map(marked.map((t) => {
    const by = t.handover!.by;
    return [t.id, { id: by, name: agents.get(by) ?? i18next.t('notify.someone', { ns: 'offline' }) }];
  }));
}

async function readConflicts(db: CacheDb): Promise<ConflictBrief[]> {
  const rows = await db.conflicts.toArray();
  const tickets = await db.tickets.bulkGet(rows.map((c) => ticketIdOf(c.mutation) ?? ''));
  return rows.map((c, i) => ({ id: c.id, ticketKey: tickets[i]?.key ?? null }));
}
