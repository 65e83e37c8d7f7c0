// The console's keyboard commands, shared so the application menu (main) and the renderer's own
// key handling agree on the names and keys. Single keys are only *shown* in the menu: the renderer
// handles them, because a menu accelerator would also swallow the letter while the agent types a reply.

export const MENU_COMMANDS = [
  'queue.next',
  'queue.previous',
  'ticket.open',
  'ticket.close',
  'ticket.assignToMe',
  'ticket.reply',
  'ticket.note',
  'search.focus',
  'palette.open',
  'shortcuts.show',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface Shortcut {
  /** What the agent presses, as shown in menus and the shortcuts sheet. */
  readonly key: string;
  /** An Electron accelerator when the shortcut has a modifier and may be registered by the menu. */
  readonly accelerator: string | null;
}

export const SHORTCUTS: Readonly<Record<MenuCommand, Shortcut>> = {
  'queue.next': { key: 'J', accelerator: null },
  'queue.previous': { key: 'K', accelerator: null },
  'ticket.open': { key: 'Enter', accelerator: null },
  'ticket.close': { key: 'Esc', accelerator: null },
  'ticket.assignToMe': { key: 'A', accelerator: null },
  'ticket.reply': { key: 'R', accelerator: null },
  'ticket.note': { key: 'N', accelerator: null },
  'search.focus': { key: '/', accelerator: null },
  'palette.open': { key: 'Ctrl+K', accelerator: 'CmdOrCtrl+K' },
  'shortcuts.show': { key: '?', accelerator: null },
};
