// The application menu. The console's commands are listed with their keys; selecting one sends a
// menu command event to the renderer. Single-key shortcuts are shown but not registered, so typing a
// reply is never hijacked (the renderer handles those keys outside text fields).
import type { MenuItemConstructorOptions } from 'electron';
import { SHORTCUTS } from '../../../shared/ipc/menu-commands';
import type { MenuCommand } from '../../../shared/ipc/menu-commands';
import type { MainStrings } from '../i18n';

export interface MenuOptions {
  readonly platform: string;
  readonly isPackaged: boolean;
  readonly strings: MainStrings;
  readonly send: (command: MenuCommand) => void;
}

const GROUPS: ReadonlyArray<{ menu: 'go' | 'ticket' | 'help'; commands: readonly MenuCommand[] }> = [
  { menu: 'go', commands: ['queue.next', 'queue.previous', 'search.focus', 'palette.open'] },
  { menu: 'ticket', commands: ['ticket.open', 'ticket.close', 'ticket.assignToMe', 'ticket.reply', 'ticket.note'] },
  { menu: 'help', commands: ['shortcuts.show'] },
];

export function commandItem(command: MenuCommand, options: MenuOptions): MenuItemConstructorOptions {
  const shortcut = SHORTCUTS[command];
  const item: MenuItemConstructorOptions = {
    id: command,
    label: options.strings.commands[command],
    click: () => options.send(command),
  };
  if (shortcut.accelerator !== null) {
    item.accelerator = shortcut.accelerator;
  } else if (options.platform === 'darwin') {
    // macOS cannot show an unregistered accelerator; the key goes into the label instead.
    item.label = `${item.label}\t${shortcut.key}`;
  } else {
    item.accelerator = shortcut.key === 'Esc' ? 'Escape' : shortcut.key === '?' ? 'Shift+/' : shortcut.key === 'Enter' ? 'Return' : shortcut.key;
    item.registerAccelerator = false;
  }
  return item;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { strings } = options;
  const mac = options.platform === 'darwin';
  const commands = (menu: 'go' | 'ticket' | 'help') =>
    GROUPS.filter((group) => group.menu === menu).flatMap((group) => group.commands.map((command) => commandItem(command, options)));

  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });

  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: strings.menu.file, submenu: [mac ? { role: 'close' } : { role: 'quit', label: strings.menu.quit }] },
    { label: strings.menu.edit, role: 'editMenu' },
    { label: strings.menu.view, submenu: view },
    { label: strings.menu.go, submenu: commands('go') },
    { label: strings.menu.ticket, submenu: commands('ticket') },
    { label: strings.menu.help, role: 'help', submenu: commands('help') },
  ];
}
