// The few strings main shows itself (menu, tray, notifications fallback), in English and Czech.
// Everything else the user reads comes from the renderer's own i18n.
import type { Language } from '../../shared/ipc/settings';
import type { MenuCommand } from '../../shared/ipc/menu-commands';

export interface MainStrings {
  readonly menu: {
    readonly file: string;
    readonly edit: string;
    readonly view: string;
    readonly go: string;
    readonly ticket: string;
    readonly help: string;
    readonly quit: string;
  };
  readonly commands: Readonly<Record<MenuCommand, string>>;
  readonly tray: {
    readonly open: string;
    readonly quit: string;
    readonly tooltip: (openTickets: number, pendingChanges: number) => string;
  };
}

const en: MainStrings = {
  menu: { file: '&File', edit: '&Edit', view: '&View', go: '&Go', ticket: '&Ticket', help: '&Help', quit: 'Quit' },
  commands: {
    'queue.next': 'Next ticket',
    'queue.previous': 'Previous ticket',
    'ticket.open': 'Open ticket',
    'ticket.close': 'Close panel',
    'ticket.assignToMe': 'Assign to me',
    'ticket.reply': 'Reply',
    'ticket.note': 'Internal note',
    'search.focus': 'Search',
    'palette.open': 'Command palette…',
    'shortcuts.show': 'Keyboard shortcuts',
  },
  tray: {
    open: 'Open Switchboard',
    quit: 'Quit Switchboard',
    tooltip: (open, pending) =>
      `Switchboard: ${open} open ${open === 1 ? 'ticket' : 'tickets'}, ${pending} pending ${pending === 1 ? 'change' : 'changes'}`,
  },
};

/** Czech plural: 1 / 2–4 / 0 and 5+. */
const czech = (n: number, one: string, few: string, many: string) => (n === 1 ? one : n >= 2 && n <= 4 ? few : many);

const cs: MainStrings = {
  menu: { file: '&Soubor', edit: 'Úpr&avy', view: '&Zobrazení', go: '&Přejít', ticket: '&Tiket', help: 'Nápo&věda', quit: 'Ukončit' },
  commands: {
    'queue.next': 'Další tiket',
    'queue.previous': 'Předchozí tiket',
    'ticket.open': 'Otevřít tiket',
    'ticket.close': 'Zavřít panel',
    'ticket.assignToMe': 'Přiřadit mně',
    'ticket.reply': 'Odpovědět',
    'ticket.note': 'Interní poznámka',
    'search.focus': 'Hledat',
    'palette.open': 'Paleta příkazů…',
    'shortcuts.show': 'Klávesové zkratky',
  },
  tray: {
    open: 'Otevřít Switchboard',
    quit: 'Ukončit Switchboard',
    tooltip: (open, pending) =>
      `Switchboard: ${open} ${czech(open, 'otevřený tiket', 'otevřené tikety', 'otevřených tiketů')}, ` +
      `${pending} ${czech(pending, 'čekající změna', 'čekající změny', 'čekajících změn')}`,
  },
};

export function mainStrings(language: Language): MainStrings {
  return language === 'cs' ? cs : en;
}
