// Notifications, tray badge and the application menu.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../shared/ipc/settings';
import type { NotificationPreferences } from '../../shared/ipc/settings';
import { MENU_COMMANDS } from '../../shared/ipc/menu-commands';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { buildMenuTemplate } from '../../electron/main/desktop/menu';
import { createNotifier } from '../../electron/main/desktop/notifications';
import type { NotificationLike, NotificationOptions } from '../../electron/main/desktop/notifications';
import { createTrayBadge } from '../../electron/main/desktop/tray';
import { mainStrings } from '../../electron/main/i18n';
import { EventEmitter } from 'node:events';

class FakeNotification extends EventEmitter implements NotificationLike {
  shown = false;
  constructor(readonly options: NotificationOptions) {
    super();
  }
  show() {
    this.shown = true;
  }
}

function notifier(preferences: NotificationPreferences = DEFAULT_NOTIFICATION_PREFERENCES, supported = true) {
  const created: FakeNotification[] = [];
  const clicked: Array<string | null> = [];
  const service = createNotifier({
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeNotification(options);
      created.push(n);
      return n;
    },
    preferences: () => preferences,
    onClick: (ticketKey) => clicked.push(ticketKey),
  });
  return { service, created, clicked };
}

describe('notifications', () => {
  it('shows a notification and focuses its ticket when clicked', () => {
    const { service, created, clicked } = notifier();
    expect(service.show({ kind: 'assigned', title: 'SD-1042 assigned to you', body: 'VPN down', ticketKey: 'SD-1042' })).toEqual({ shown: true });
    expect(created[0]?.shown).toBe(true);
    expect(created[0]?.options).toEqual({ title: 'SD-1042 assigned to you', body: 'VPN down', silent: false });
    created[0]?.emit('click');
    expect(clicked).toEqual(['SD-1042']);
    expect(service.pending()).toBe(0);
  });

  it('respects the preferences per kind and the master switch', () => {
    const quietSla = notifier({ ...DEFAULT_NOTIFICATION_PREFERENCES, slaWarning: false });
    expect(quietSla.service.show({ kind: 'sla_warning', title: 'SLA', body: '', ticketKey: 'HD-1' })).toEqual({ shown: false });
    expect(quietSla.service.show({ kind: 'conflict', title: 'Conflicts', body: '', ticketKey: null })).toEqual({ shown: true });
    const off = notifier({ ...DEFAULT_NOTIFICATION_PREFERENCES, enabled: false });
    expect(off.service.show({ kind: 'assigned', title: 'x', body: '', ticketKey: null })).toEqual({ shown: false });
    expect(off.created).toEqual([]);
    expect(quietSla.created).toHaveLength(1);
  });

  it('keeps shown notifications referenced until they close (clicks must still work later)', () => {
    const { service, created } = notifier();
    service.show({ kind: 'assigned', title: 'a', body: '', ticketKey: 'SD-1' });
    service.show({ kind: 'assigned', title: 'b', body: '', ticketKey: 'SD-2' });
    expect(service.pending()).toBe(2);
    created[0]?.emit('close');
    expect(service.pending()).toBe(1);
  });

  it('where the platform has no notifications, nothing is shown', () => {
    const { service, created } = notifier(DEFAULT_NOTIFICATION_PREFERENCES, false);
    expect(service.show({ kind: 'assigned', title: 'a', body: '', ticketKey: null })).toEqual({ shown: false });
    expect(created).toEqual([]);
  });
});

describe('tray badge', () => {
  function tray(platform: string, language: 'en' | 'cs' = 'en') {
    const state = { tooltip: '', title: '', badge: -1 };
    const badge = createTrayBadge({
      tray: () => ({
        setToolTip: (text) => (state.tooltip = text),
        setTitle: (text) => (state.title = text),
        isDestroyed: () => false,
      }),
      setBadgeCount: (count) => {
        state.badge = count;
        return true;
      },
      strings: () => mainStrings(language),
      platform,
    });
    return { badge, state };
  }

  it('shows my open tickets and pending changes', () => {
    const { badge, state } = tray('darwin');
    badge.update({ openTickets: 7, pendingChanges: 3 });
    expect(state).toEqual({ tooltip: 'Switchboard: 7 open tickets, 3 pending changes', title: '7 · 3↑', badge: 7 });
    badge.update({ openTickets: 1, pendingChanges: 0 });
    expect(state).toEqual({ tooltip: 'Switchboard: 1 open ticket, 0 pending changes', title: '1', badge: 1 });
  });

  it('speaks Czech with Czech plurals', () => {
    const { badge, state } = tray('linux', 'cs');
    badge.update({ openTickets: 3, pendingChanges: 5 });
    expect(state.tooltip).toBe('Switchboard: 3 otevřené tikety, 5 čekajících změn');
    expect(state.title).toBe('');
  });
});

describe('application menu', () => {
  function items(platform: string) {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate({ platform, isPackaged: true, strings: mainStrings('en'), send: (command) => sent.push(command) });
    const flat: MenuItemConstructorOptions[] = [];
    const walk = (list: MenuItemConstructorOptions[]) => {
      for (const item of list) {
        flat.push(item);
        if (Array.isArray(item.submenu)) walk(item.submenu);
      }
    };
    walk(template);
    return { flat, sent };
  }

  it('lists every console command, and choosing one sends it to the console', () => {
    const { flat, sent } = items('linux');
    for (const command of MENU_COMMANDS) {
      const item = flat.find((entry) => entry.id === command);
      expect(item, command).toBeDefined();
      (item?.click as () => void)();
    }
    expect(sent).toEqual([...MENU_COMMANDS]);
  });

  it('shows the documented keys, registering only Ctrl+K (single keys must not swallow typing)', () => {
    const { flat } = items('win32');
    const byId = (id: MenuCommand) => flat.find((entry) => entry.id === id);
    expect(byId('queue.next')).toMatchObject({ accelerator: 'J', registerAccelerator: false });
    expect(byId('queue.previous')).toMatchObject({ accelerator: 'K', registerAccelerator: false });
    expect(byId('ticket.open')).toMatchObject({ accelerator: 'Return', registerAccelerator: false });
    expect(byId('ticket.close')).toMatchObject({ accelerator: 'Escape', registerAccelerator: false });
    expect(byId('ticket.assignToMe')).toMatchObject({ accelerator: 'A', registerAccelerator: false });
    expect(byId('ticket.reply')).toMatchObject({ accelerator: 'R', registerAccelerator: false });
    expect(byId('ticket.note')).toMatchObject({ accelerator: 'N', registerAccelerator: false });
    expect(byId('search.focus')).toMatchObject({ accelerator: '/', registerAccelerator: false });
    expect(byId('shortcuts.show')).toMatchObject({ accelerator: 'Shift+/', registerAccelerator: false });
    expect(byId('palette.open')?.accelerator).toBe('CmdOrCtrl+K');
    expect(byId('palette.open')?.registerAccelerator).toBeUndefined();
  });

  it('on macOS single keys are in the label, never registered', () => {
    const { flat } = items('darwin');
    const next = flat.find((entry) => entry.id === 'queue.next');
    expect(next?.accelerator).toBeUndefined();
    expect(next?.label).toBe('Next ticket\tJ');
  });

  it('packaged builds have no reload or DevTools items', () => {
    const roles = items('linux').flat.map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    const dev = buildMenuTemplate({ platform: 'linux', isPackaged: false, strings: mainStrings('en'), send: () => {} });
    expect(JSON.stringify(dev)).toContain('toggleDevTools');
  });
});
