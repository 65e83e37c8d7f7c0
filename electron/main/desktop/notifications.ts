// Native notifications (ticket assigned to me, SLA about to breach, conflicts after sync), filtered by
// the user's preferences. Clicking one brings the console forward on that ticket. Shown notifications
// are kept referenced until they close: a garbage-collected notification loses its click handler.
import type { NotificationRequest } from '../../../shared/ipc/contract';
import type { NotificationPreferences } from '../../../shared/ipc/settings';

export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotificationOptions {
  readonly title: string;
  readonly body: string;
  readonly silent: boolean;
}

export interface NotifierDeps {
  readonly isSupported: () => boolean;
  readonly create: (options: NotificationOptions) => NotificationLike;
  readonly preferences: () => NotificationPreferences;
  /** Focus the window and tell the console which ticket to open. */
  readonly onClick: (ticketKey: string | null) => void;
}

const PREFERENCE_OF: Readonly<Record<NotificationRequest['kind'], 'assignedToMe' | 'slaWarning' | 'conflicts'>> = {
  assigned: 'assignedToMe',
  sla_warning: 'slaWarning',
  conflict: 'conflicts',
};

export function isNotificationWanted(kind: NotificationRequest['kind'], preferences: NotificationPreferences): boolean {
  return preferences.enabled && preferences[PREFERENCE_OF[kind]];
}

export function createNotifier(deps: NotifierDeps) {
  const alive = new Set<NotificationLike>();
  return {
    show(request: NotificationRequest): { shown: boolean } {
      const preferences = deps.preferences();
      if (!isNotificationWanted(request.kind, preferences) || !deps.isSupported()) return { shown: false };
      const notification = deps.create({ title: request.title, body: request.body, silent: preferences.silent });
      alive.add(notification);
      const release = () => alive.delete(notification);
      notification.on('click', () => {
        release();
        deps.onClick(request.ticketKey);
      });
      notification.on('close', release);
      notification.on('failed', release);
      notification.show();
      return { shown: true };
    },
    /** How many notifications are still referenced (for tests and diagnostics). */
    pending: () => alive.size,
  };
}
