// Ctrl+K: every console action by name, and any ticket by its key.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from './console-context';
import { Dialog } from './Dialog';

export type PaletteAction = {
  id: string;
  label: string;
  /** The action's keyboard shortcut as the menu shows it ("J", "Ctrl+K"), where it has one. */
  keys?: string;
  run: () => void;
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function CommandPalette({ actions, onClose, onOpenTicket }: { actions: PaletteAction[]; onClose: () => void; onOpenTicket: (id: string, desk: 'service' | 'help') => void }) {
  const { t } = useTranslation('app');
  const { db } = useConsole();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [ticket, setTicket] = useState<{ id: string; key: string; desk: 'service' | 'help' } | null>(null);
  const latestQuery = useRef('');

  const matches = useMemo(() => actions.filter((a) => fold(a.label).includes(fold(query.trim()))), [actions, query]);
  const items: PaletteAction[] = ticket
    ? [{ id: `ticket:${ticket.id}`, label: t('palette.openTicket', { key: ticket.key }), run: () => onOpenTicket(ticket.id, ticket.desk) }, ...matches]
    : matches;

  async function onChange(value: string) {
    setQuery(value);
    setActive(0);
    latestQuery.current = value;
    const key = value.trim().toUpperCase();
    const found = /^(SD|HD)-\d+$/.test(key) ? await db.ticketByKey(key) : undefined;
    // An answer to an earlier keystroke must not replace the one for what the field says now.
    if (latestQuery.current !== value) return;
    setTicket(found && found.key ? { id: found.id, key: found.key, desk: found.desk } : null);
  }

  function run(item: PaletteAction | undefined) {
    if (!item) return;
    onClose();
    item.run();
  }

  return (
    <Dialog title={t('palette.label')} onClose={onClose} closeLabel={t('shortcuts.close')}>
      <input
        className="palette-input"
        aria-label={t('palette.label')}
        placeholder={t('palette.placeholder')}
        value={query}
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[active] ? `palette-${items[active].id}` : undefined}
        onChange={(e) => void onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') run(items[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" className="palette-list">
        {items.length === 0 && <li role="option" aria-selected="false" aria-disabled="true">{t('palette.none')}</li>}
        {items.map((item, i) => (
          <li key={item.id} id={`palette-${item.id}`} role="option" aria-selected={i === active} aria-keyshortcuts={item.keys} onClick={() => run(item)}>
            <span>{item.label}</span>
            {item.keys ? <kbd aria-hidden="true">{item.keys}</kbd> : null}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
