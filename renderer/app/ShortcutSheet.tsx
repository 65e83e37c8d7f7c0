// "?": the keyboard shortcuts, from the same table the desktop menu shows.
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

const ROWS: Array<[string, string]> = [
  ['J', 'next'], ['K', 'previous'], ['Enter', 'open'], ['Esc', 'closeTicket'], ['A', 'assign'],
  ['R', 'reply'], ['N', 'note'], ['/', 'search'], ['Ctrl+K', 'palette'], ['?', 'sheet'],
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('app');
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} closeLabel={t('shortcuts.close')}>
      <dl className="shortcut-sheet">
        {ROWS.map(([key, label]) => (
          <div key={key}>
            <dt><kbd>{key}</kbd></dt>
            <dd>{t(`shortcuts.${label}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
