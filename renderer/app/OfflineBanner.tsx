// When the console cannot reach the server: how old the cache is, and that nothing is lost.
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../i18n/format';
import { useSyncStatus } from '../sync/status-store';
import { clockFor, useMinuteClock } from './StatusBar';

export function OfflineBanner() {
  const { t, i18n } = useTranslation('app');
  const status = useSyncStatus();
  const now = useMinuteClock();
  if (status.state !== 'offline') return null;
  const ago = status.lastSyncAt ? formatRelative(status.lastSyncAt, clockFor(status.lastSyncAt, now), i18n.language) : t('status.neverSynced');
  return <div className="offline-banner" role="alert">{t('status.offlineBanner', { ago })}</div>;
}
