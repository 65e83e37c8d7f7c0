// The sync status bar: online or not, bootstrap progress, last successful sync, and the counts that
// open the outbox, the conflicts inbox and the needs-attention list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from './console-context';
import { syncErrorText } from './sync-error-text';
import { formatRelative } from '../i18n/format';
import { useSyncStatus } from '../sync/status-store';
import { useThrottledQuery } from '../lib/use-throttled-query';

export type SyncPanel = 'outbox' | 'conflicts' | 'attention';

export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The clock to say "synced … ago" against: the minute clock lags up to 30 s behind a sync that has just
 * happened, which would read "synced in 20 seconds".
 */
export function clockFor(lastSyncAt: string, now: Date): Date {
  const at = new Date(lastSyncAt);
  return at.getTime() > now.getTime() ? at : now;
}

export function StatusBar({ onOpen, onRetry }: { onOpen: (panel: SyncPanel) => void; onRetry: () => void }) {
  const { t, i18n } = useTranslation('app');
  const status = useSyncStatus();
  const now = useMinuteClock();
  const { db } = useConsole();
  // Counted from the cache itself, so a change made a moment ago shows before the worker reports.
  const counts = useThrottledQuery(
    db,
    ['outbox', 'conflicts', 'attention'],
    async () => ({ pending: await db.outbox.where('state').equals('pending').count(), conflicts: await db.conflicts.count(), attention: await db.attention.count() }),
    [],
  ) ?? { pending: status.pending, conflicts: status.conflicts, attention: status.attention };
  const offline = status.state === 'offline';
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className={`status-dot status-${status.state}`} aria-hidden="true" />
      <span role="status">{t(`status.${status.state}`)}</span>
      <span>· {status.lastSyncAt ? t('status.syncedAgo', { ago: formatRelative(status.lastSyncAt, clockFor(status.lastSyncAt, now), i18n.language) }) : t('status.neverSynced')}</span>
      {status.progress && (
        <span className="status-progress">
          <progress max={status.progress.total} value={status.progress.done} aria-label={t('status.progress', status.progress)} />
          {t('status.progress', { done: status.progress.done.toLocaleString(i18n.language), total: status.progress.total.toLocaleString(i18n.language) })}
        </span>
      )}
      <span className="status-spacer" />
      <button type="button" onClick={() => onOpen('outbox')}>{t('status.pending', { count: counts.pending })}</button>
      <button type="button" onClick={() => onOpen('conflicts')} className={counts.conflicts > 0 ? 'status-warn' : ''}>{t('status.conflicts', { count: counts.conflicts })}</button>
      <button type="button" onClick={() => onOpen('attention')} className={counts.attention > 0 ? 'status-warn' : ''}>{t('status.attention', { count: counts.attention })}</button>
      {(offline || status.state === 'error') && (
        <>
          {status.lastError && <span className="status-error" title={status.lastError.message}>{syncErrorText(t, status.lastError.code)}</span>}
          <button type="button" onClick={onRetry}>{t('status.retry')}</button>
        </>
      )}
    </footer>
  );
}
