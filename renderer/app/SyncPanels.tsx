// The outbox list (each change and its state), the conflicts inbox (mine and theirs per field, keep mine
// or take theirs) and the needs-attention list (the server's reason, retry or discard).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Mutation } from '../../shared/protocol/mutations';
import { ticketIdOf } from '../offline/tickets';
import { useConflictWords } from '../offline/use-conflict-words';
import { discardRejected, keepMine, retryRejected, takeTheirs, type OutboxDeps } from '../sync/outbox';
import { useConsole } from './console-context';
import { Dialog } from './Dialog';
import type { SyncPanel } from './StatusBar';

/** Outbox entries the dialog lists at most. */
export const OUTBOX_LISTED = 200;

function useDescribe() {
  const { t } = useTranslation('app');
  return (m: Mutation, key?: string | null) => `${t(`mutation.${m.name}`)}${key ? ` · ${key}` : ''}`;
}

export function SyncPanels({ panel, onClose, onChanged }: { panel: SyncPanel; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation('app');
  const services = useConsole();
  const { db } = services;
  const describe = useDescribe();
  const deps: OutboxDeps = { db, actor: services.actor, now: services.now, newId: services.newId };
  // The oldest changes, in the order they go out, and how many more: after a day offline the outbox
  // holds thousands, and listing them all (read again on every change) froze the dialog.
  const outbox = useLiveQuery(() => db.outbox.orderBy('seq').limit(OUTBOX_LISTED).toArray(), [db], []);
  const outboxTotal = useLiveQuery(() => db.outbox.count(), [db], 0);
  const conflicts = useLiveQuery(() => db.conflicts.toArray(), [db], []);
  const attention = useLiveQuery(() => db.attention.toArray(), [db], []);
  const words = useConflictWords(conflicts);
  const ticketKeys = useLiveQuery(async () => {
    const ids = [...outbox, ...conflicts.map((c) => c.mutation), ...attention.map((a) => a.mutation)].map(ticketIdOf).filter((id): id is string => !!id);
    const tickets = await db.tickets.bulkGet([...new Set(ids)]);
    return new Map(tickets.flatMap((tk) => (tk ? [[tk.id, tk.key] as const] : [])));
  }, [db, outbox, conflicts, attention], new Map<string, string | null>());
  const keyOf = (m: Mutation) => ticketKeys.get(ticketIdOf(m) ?? '') ?? null;
  const act = async (work: Promise<void>) => {
    await work;
    onChanged();
  };

  return (
    <Dialog title={t(`${panel === 'outbox' ? 'outbox' : panel}.title`)} onClose={onClose} closeLabel={t('outbox.close')}>
      {panel === 'outbox' && (
        outbox.length === 0 ? <p>{t('outbox.empty')}</p> : (
          <>
            <ol className="sync-list" aria-label={t('outbox.title')}>
              {outbox.map((e) => (
                <li key={e.seq}>
                  <span>#{e.seq} {describe(e, keyOf(e))}</span>
                  <span className={`badge badge-${e.state}`}>{t(`outbox.${e.state}`)}</span>
                </li>
              ))}
            </ol>
            {outboxTotal > outbox.length ? <p>{t('outbox.more', { count: outboxTotal - outbox.length })}</p> : null}
          </>
        )
      )}
      {panel === 'conflicts' && (
        conflicts.length === 0 ? <p>{t('conflicts.empty')}</p> : (
          <ul className="sync-list" aria-label={t('conflicts.title')}>
            {conflicts.map((c) => (
              <li key={c.id} className="conflict">
                <h3>{describe(c.mutation, keyOf(c.mutation))}</h3>
                <table>
                  <thead><tr><th scope="col">{t('conflicts.field')}</th><th scope="col">{t('conflicts.mine')}</th><th scope="col">{t('conflicts.theirs')}</th></tr></thead>
                  <tbody>
                    {c.fields.map((f) => (
                      <tr key={f.field}><th scope="row">{words.field(f.field)}</th><td>{words.value(f.field, f.mine)}</td><td>{words.value(f.field, f.theirs)}</td></tr>
                    ))}
                  </tbody>
                </table>
                <button type="button" onClick={() => void act(keepMine(deps, c.id))}>{t('conflicts.keepMine')}</button>
                <button type="button" onClick={() => void act(takeTheirs(deps, c.id))}>{t('conflicts.takeTheirs')}</button>
              </li>
            ))}
          </ul>
        )
      )}
      {panel === 'attention' && (
        attention.length === 0 ? <p>{t('attention.empty')}</p> : (
          <ul className="sync-list" aria-label={t('attention.title')}>
            {attention.map((a) => (
              <li key={a.id}>
                <span>{describe(a.mutation, keyOf(a.mutation))}</span>
                <span className="status-error">{a.error.message}</span>
                <button type="button" onClick={() => void act(retryRejected(deps, a.id))}>{t('attention.retry')}</button>
                <button type="button" onClick={() => void act(discardRejected(deps, a.id))}>{t('attention.discard')}</button>
              </li>
            ))}
          </ul>
        )
      )}
    </Dialog>
  );
}
