// Which key runs each console command and what the command is called, from the one table the desktop
// menu shows too (shared/ipc/menu-commands): the shortcut sheet, the command palette and the menu agree.
import { MENU_COMMANDS, SHORTCUTS, type MenuCommand } from '../../shared/ipc/menu-commands';
import type { ConsoleCommand } from './ui-store';

export const COMMAND_OF_MENU: Readonly<Record<MenuCommand, ConsoleCommand>> = {
  'queue.next': 'next',
  'queue.previous': 'previous',
  'ticket.open': 'open',
  'ticket.close': 'close',
  'ticket.assignToMe': 'assignToMe',
  'ticket.reply': 'reply',
  'ticket.note': 'note',
  'search.focus': 'search',
  'palette.open': 'palette',
  'shortcuts.show': 'shortcuts',
};

/** The command's name under `shortcuts.` in the app's messages. */
export const SHORTCUT_LABEL: Readonly<Record<ConsoleCommand, string>> = {
  next: 'next',
  previous: 'previous',
  open: 'open',
  close: 'closeTicket',
  assignToMe: 'assign',
  reply: 'reply',
  note: 'note',
  search: 'search',
  palette: 'palette',
  shortcuts: 'sheet',
};

/** Every shortcut in the menu's order: the key as shown ("J", "Ctrl+K") and the command it runs. */
export const SHORTCUT_ROWS: ReadonlyArray<{ key: string; command: ConsoleCommand }> = MENU_COMMANDS.map((m) => ({ key: SHORTCUTS[m].key, command: COMMAND_OF_MENU[m] }));

/** The key that runs `command`, as the menu shows it. */
export function keyOf(command: ConsoleCommand): string | undefined {
  return SHORTCUT_ROWS.find((row) => row.command === command)?.key;
}
