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
import { i18next } from '../i18n';
import {
  decideAssigned, decideConflicts, decideSla, runningClocks, type ConflictBrief, type Notice,
} from './notifications';
import { ticketIdOf } from './tickets';
import { watchMyTickets, type MyTickets } from './my-tickets';

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
    let latest: MyTickets | null = null;
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

    const stopWatchingMine = watchMyTickets(
      db,
      actor.id,
      (value) => {
        latest = value;
        run((prefs) => {
          const decision = decideAssigned(known, value.snapshot, prefs);
          known = decision.known;
          emit(decision.notices);
          checkSla(prefs);
        });
      },
      (error: unknown) => console.error('Watching my tickets failed', error),
    );

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
      void db.ticketByKey(ticketKey).then((ticket) => {
        if (!ticket || stopped) return;
        const ui = useUiStore.getState();
        ui.openTicketIn(ticket.desk, ticket.id);
        ui.focusPane(ticket.desk);
      });
    });

    return () => {
      stopped = true;
      stopWatchingMine();
      conflicts.unsubscribe();
      clearInterval(timer);
      unsubscribe();
    };
  }, [db, actor.id, now, bridge, checkEveryMs]);
}

async function readConflicts(db: CacheDb): Promise<ConflictBrief[]> {
  const rows = await db.conflicts.toArray();
  const tickets = await db.tickets.bulkGet(rows.map((c) => ticketIdOf(c.mutation) ?? ''));
  return rows.map((c, i) => ({ id: c.id, ticketKey: tickets[i]?.key ?? null }));
}
