// Back online: the changes made offline going out ("Sending changes: 2 of 5"), what is still waiting,
// and the conflicts the server found, with both sides, to be resolved in the conflicts inbox.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../db/cache-db';
import { useConsole } from '../app/console-context';
import { syncErrorText } from '../app/sync-error-text';
import { useThrottledQuery } from '../lib/use-throttled-query';
import { useSyncStatus } from '../sync/status-store';
import { ConflictSides } from './ConflictSides';
import { nextDrain, sentOf, startDrain, type Drain } from './drain';
import { ticketIdOf } from './tickets';

const LISTED = 30;

function useTicketKeys(entries: ReadonlyArray<Pick<OutboxEntry, 'name' | 'args'>>): ReadonlyMap<string, string | null> {
  const { db } = useConsole();
  const ids = [...new Set(entries.map(ticketIdOf).filter((id): id is string => !!id))].sort();
  return useLiveQuery(
    async () => new Map((await db.tickets.bulkGet(ids)).flatMap((tk) => (tk ? [[tk.id, tk.key] as const] : []))),
    [db, ids.join(',')],
    new Map<string, string | null>(),
  );
}

export function BackOnline({ onOpenConflicts }: { onOpenConflicts?: () => void }) {
  const { t } = useTranslation('offline');
  const { t: tApp } = useTranslation('app');
  const { db } = useConsole();
  const headingId = useId();
  const state = useSyncStatus((s) => s.state);
  const lastError = useSyncStatus((s) => s.lastError);
  const online = state !== 'offline';
  // The first few pending changes and how many there are: the outbox may hold thousands.
  const waiting = useThrottledQuery(db, ['outbox'], async () => {
    const pendingEntries = db.outbox.where('state').equals('pending');
    return { count: await pendingEntries.count(), listed: await pendingEntries.limit(LISTED).toArray() };
  }, []);
  const conflicts = useLiveQuery(() => db.conflicts.toArray(), [db]);
  const [drain, setDrain] = useState<Drain>(() => startDrain(online));
  const count = waiting?.count;

  useEffect(() => {
    if (count !== undefined) setDrain((previous) => nextDrain(previous, online, count));
  }, [online, count]);

  const keys = useTicketKeys([...(waiting?.listed ?? []), ...(conflicts ?? []).map((c) => c.mutation)]);
  const describe = (m: Pick<OutboxEntry, 'name' | 'args'>) => {
    const key = keys.get(ticketIdOf(m) ?? '');
    return key ? t('pendingList.itemWithKey', { change: t(`mutation.${m.name}`), key }) : t(`mutation.${m.name}`);
  };

  return (
    <section className="sb-field__card sb-backonline" aria-labelledby={headingId}>
      <h3 id={headingId} className="sb-field__heading">{t('backOnline.title')}</h3>
      <DrainProgress drain={drain} />
      {state === 'error' && drain.phase === 'draining' && lastError ? (
        <p role="alert" className="sb-field__error">{t('backOnline.paused', { reason: syncErrorText(tApp, lastError.code) })}</p>
      ) : null}
      {waiting === undefined ? null : waiting.count === 0 ? (
        <p className="sb-field__hint">{t('pendingList.empty')}</p>
      ) : (
        <>
          <p className="sb-field__hint">{online ? t('pendingList.waitingOnline', { count: waiting.count }) : t('pendingList.waitingOffline', { count: waiting.count })}</p>
          <ol className="sb-pending" aria-label={t('pendingList.label')}>
            {waiting.listed.map((e) => <li key={e.seq}>{describe(e)}</li>)}
          </ol>
          {waiting.count > LISTED ? <p className="sb-field__hint">{t('pendingList.more', { count: waiting.count - LISTED })}</p> : null}
        </>
      )}
      {conflicts && conflicts.length > 0 ? (
        <ConflictSides conflicts={conflicts} describe={describe} onOpenConflicts={onOpenConflicts} />
      ) : null}
    </section>
  );
}

function DrainProgress({ drain }: { drain: Drain }) {
  const { t } = useTranslation('offline');
  if (drain.phase === 'draining') {
    const sent = sentOf(drain);
    const label = t('backOnline.sending', { sent, total: drain.total });
    return (
      <div className="sb-drain">
        <progress max={drain.total} value={sent} aria-label={t('backOnline.progressLabel')} />
        <span role="status">{label}</span>
      </div>
    );
  }
  if (drain.phase === 'done') return <p role="status" className="sb-drain sb-drain--done">{t('backOnline.sent', { count: drain.total })}</p>;
  if (drain.phase === 'offline') return <p role="status" className="sb-drain sb-drain--offline">{t('backOnline.offline')}</p>;
  return null;
}
