// The field tech's pane: prepare for a site with bad or no network, work there (timer, status, notes,
// photos), and watch the changes go out when the network returns. Works for anyone with tickets.
import { useTranslation } from 'react-i18next';
import { BackOnline } from './BackOnline';
import { OnSite } from './OnSite';
import { PrepareOffline } from './PrepareOffline';
import './offline.css';

export type FieldPaneProps = {
  /** Starts a sync round now (the lead wires it to the sync client); used before preparing when online. */
  onRequestSync?: () => void;
  /** Opens the console's conflicts inbox, where conflicts are resolved. */
  onOpenConflicts?: () => void;
};

export function FieldPane({ onRequestSync, onOpenConflicts }: FieldPaneProps) {
  const { t } = useTranslation('offline');
  return (
    <section role="region" aria-label={t('pane')} className="sb-field">
      <h2 className="sb-field__title">{t('pane')}</h2>
      <BackOnline onOpenConflicts={onOpenConflicts} />
      <PrepareOffline onRequestSync={onRequestSync} />
      <OnSite />
    </section>
  );
}
