// "Prepare for offline": one action that syncs first when it can, asks for persistent storage, checks the
// cache holds my work, and says what is ready, what is missing and how much storage it takes.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import { formatDateTime, formatRelative } from '../i18n/format';
import { useSyncStatus } from '../sync/status-store';
import { checkCache, later, PREPARED_AT_KEY, readiness, type PrepareCounts, type PrepareReport } from './prepare';
import { formatBytes, persistence, storageUse, type Persistence, type StorageUse } from './storage';
import { syncRound } from './sync-round';

type Phase = 'idle' | 'syncing' | 'checking';
type SyncOutcome = 'synced' | 'failed' | 'timeout' | 'offline' | null;

const KINDS: ReadonlyArray<keyof PrepareCounts> = ['tickets', 'comments', 'worklogs', 'attachments', 'articles'];

export function PrepareOffline({ onRequestSync }: { onRequestSync?: () => void }) {
  const { t, i18n } = useTranslation('offline');
  const { db, actor, now } = useConsole();
  const headingId = useId();
  const syncState = useSyncStatus((s) => s.state);
  const statusSyncedAt = useSyncStatus((s) => s.lastSyncAt);
  const statusBootstrapped = useSyncStatus((s) => s.bootstrapped);
  const [report, setReport] = useState<PrepareReport | null>(null);
  const [use, setUse] = useState<StorageUse | null>(null);
  const [persisted, setPersisted] = useState<Persistence | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [outcome, setOutcome] = useState<SyncOutcome>(null);
  const [failed, setFailed] = useState(false);
  const mounted = useRef(true);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    // Checks may overlap (a sync lands while preparing): only the last one started may show.
    const mine = ++generation.current;
    const [next, usage] = await Promise.all([checkCache(db, actor), storageUse()]);
    if (!mounted.current || mine !== generation.current) return null;
    setReport(next);
    setUse(usage);
    return next;
  }, [db, actor]);

  useEffect(() => {
    mounted.current = true;
    void persistence(false).then((p) => mounted.current && setPersisted(p));
    return () => {
      mounted.current = false;
    };
  }, []);

  // Re-read whenever a sync lands or the bootstrap finishes: the numbers follow the cache.
  useEffect(() => {
    refresh().catch((error: unknown) => console.error('Checking the offline cache failed', error));
  }, [refresh, statusSyncedAt, statusBootstrapped]);

  async function prepare() {
    setFailed(false);
    setOutcome(null);
    try {
      if (syncState === 'offline') setOutcome('offline');
      else if (onRequestSync) {
        setPhase('syncing');
        const result = await syncRound(useSyncStatus, onRequestSync);
        if (mounted.current) setOutcome(result);
      }
      if (!mounted.current) return;
      setPhase('checking');
      const [granted] = await Promise.all([persistence(true), db.meta.put({ key: PREPARED_AT_KEY, value: now().toISOString() })]);
      if (!mounted.current) return;
      setPersisted(granted);
      await refresh();
    } catch (error) {
      console.error('Preparing for offline failed', error);
      if (mounted.current) setFailed(true);
    } finally {
      if (mounted.current) setPhase('idle');
    }
  }

  const at = now();
  const syncedAt = report ? later(report.lastSyncAt, statusSyncedAt) : statusSyncedAt;
  const state = report ? readiness(report, at, syncedAt) : null;
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <section className="sb-field__card sb-prepare" aria-labelledby={headingId}>
      <h3 id={headingId} className="sb-field__heading">{t('prepare.title')}</h3>
      <p className="sb-field__hint">{t('prepare.intro')}</p>
      <div className="sb-field__row">
        <button type="button" className="sb-field__primary" onClick={() => void prepare()} disabled={phase !== 'idle'}>
          {t('prepare.action')}
        </button>
        <span role="status" className="sb-field__progress">
          {phase === 'syncing' ? t('prepare.syncing') : phase === 'checking' ? t('prepare.checking') : ''}
        </span>
      </div>
      {outcome && outcome !== 'synced' ? <p className="sb-field__hint">{t(`prepare.outcome.${outcome}`)}</p> : null}
      {failed ? <p role="alert" className="sb-field__error">{t('prepare.failed')}</p> : null}
      {report === null ? <p className="sb-field__hint">{t('loading')}</p> : (
        <>
          <p className={`sb-readiness sb-readiness--${state}`} data-testid="readiness">
            {t(`prepare.readiness.${state}`, { ago: syncedAt ? formatRelative(syncedAt, at, i18n.language) : t('prepare.never') })}
          </p>
          <dl className="sb-prepare__counts" aria-label={t('prepare.countsLabel')}>
            {KINDS.map((kind) => (
              <div key={kind} className="sb-prepare__count">
                <dt>{t(`prepare.kind.${kind}`)}</dt>
                <dd>{number(report.counts[kind])}</dd>
              </div>
            ))}
            <div className="sb-prepare__count">
              <dt>{t('prepare.kind.keptFiles')}</dt>
              <dd>{number(report.keptFiles)}</dd>
            </div>
          </dl>
          <Missing report={report} />
          <ul className="sb-prepare__facts">
            <li>{t('prepare.setSize', { size: formatBytes(report.estimatedBytes, i18n.language) })}</li>
            {use ? (
              <li>{use.quota ? t('prepare.usage', { used: formatBytes(use.usage, i18n.language), quota: formatBytes(use.quota, i18n.language) })
                : t('prepare.usageNoQuota', { used: formatBytes(use.usage, i18n.language) })}</li>
            ) : null}
            {persisted ? <li>{t(`prepare.persistence.${persisted}`)}</li> : null}
            <li>{report.preparedAt ? t('prepare.preparedAt', { when: formatDateTime(report.preparedAt, i18n.language) }) : t('prepare.neverPrepared')}</li>
          </ul>
        </>
      )}
    </section>
  );
}

function Missing({ report }: { report: PrepareReport }) {
  const { t } = useTranslation('offline');
  const items = (['linkedArticles', 'articleBodies', 'fileBytes'] as const).filter((k) => report.missing[k] > 0);
  if (items.length === 0) return null;
  return (
    <ul className="sb-prepare__missing" aria-label={t('prepare.missingLabel')}>
      {items.map((k) => <li key={k}>{t(`prepare.missing.${k}`, { count: report.missing[k] })}</li>)}
    </ul>
  );
}
