// The tray icon's badge: my open tickets and the changes still waiting to sync. The count of open
// tickets also goes on the dock / launcher badge where the platform has one.
import type { TrayBadge } from '../../../shared/ipc/contract';
import type { MainStrings } from '../i18n';

export interface TrayLike {
  setToolTip(text: string): void;
  setTitle(title: string): void;
  isDestroyed(): boolean;
}

export interface BadgeTargets {
  readonly tray: () => TrayLike | null;
  readonly setBadgeCount: (count: number) => boolean;
  readonly strings: () => MainStrings;
  readonly platform: string;
}

export interface BadgeView {
  readonly tooltip: string;
  /** Text beside the macOS menu-bar icon; empty when there is nothing to say. */
  readonly title: string;
  readonly badgeCount: number;
}

export function describeBadge(badge: TrayBadge, strings: MainStrings): BadgeView {
  const title = badge.openTickets > 0 || badge.pendingChanges > 0 ? `${badge.openTickets}${badge.pendingChanges > 0 ? ` · ${badge.pendingChanges}↑` : ''}` : '';
  return { tooltip: strings.tray.tooltip(badge.openTickets, badge.pendingChanges), title, badgeCount: badge.openTickets };
}

export function createTrayBadge(targets: BadgeTargets) {
  let last: TrayBadge = { openTickets: 0, pendingChanges: 0 };
  const render = () => {
    const view = describeBadge(last, targets.strings());
    const tray = targets.tray();
    if (tray !== null && !tray.isDestroyed()) {
      tray.setToolTip(view.tooltip);
      if (targets.platform === 'darwin') tray.setTitle(view.title);
    }
    targets.setBadgeCount(view.badgeCount);
    return view;
  };
  return {
    update(badge: TrayBadge): BadgeView {
      last = badge;
      return render();
    },
    /** Re-renders the last badge (after a language change). */
    refresh: render,
  };
}
