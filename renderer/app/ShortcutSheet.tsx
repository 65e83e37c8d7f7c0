// "?": the keyboard shortcuts, from the same table the desktop menu shows.
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { SHORTCUT_LABEL, SHORTCUT_ROWS } from './shortcut-keys';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('app');
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} closeLabel={t('shortcuts.close')}>
      <dl className="shortcut-sheet">
        {SHORTCUT_ROWS.map(({ key, command }) => (
          <div key={key}>
            <dt><kbd>{key}</kbd></dt>
            <dd>{t(`shortcuts.${SHORTCUT_LABEL[command]}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
