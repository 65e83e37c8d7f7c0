// What became of the last bulk reassignment, ticket by ticket, once the server has answered: reassigned,
// left as it is because someone changed it meanwhile (conflict), or refused with the server's reason.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import { useSupervisorStore } from './supervisor-store';
import { useChangeProgress } from './use-supervisor-data';

type TicketOutcome = { ticketId: string; status: 'applied' | 'conflict' | 'rejected'; error?: { code: string; message: string } };

/** The `details` of a bulkAssign result, read defensively: they come from the server. */
export function ticketOutcomes(details: unknown): TicketOutcome[] {
  const list = (details as { tickets?: unknown } | null)?.tickets;
  if (!Array.isArray(list)) return [];
  return list.filter((x): x is TicketOutcome =>
    typeof x === 'object' && x !== null && typeof x.ticketId === 'string' && ['applied', 'conflict', 'rejected'].includes(x.status));
}

export function BulkOutcomes() {
  const { t } = useTranslation('supervisor');
  const { db } = useConsole();
  const sent = useSupervisorStore((s) => s.lastBulk);
  const progress = useChangeProgress(sent);
  const keys = useLiveQuery(
    async () => new Map((await db.tickets.bulkGet(sent?.ticketIds ?? [])).flatMap((x) => (x ? [[x.id, x.key ?? x.subject] as const] : []))),
    [db, sent?.id],
  );
  if (!sent || !progress) return null;
  const name = (ticketId: string) => keys?.get(ticketId) ?? ticketId;
  const outcomes = progress.state === 'applied' ? ticketOutcomes(progress.details) : [];
  const count = (status: TicketOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return (
    <section className="sb-sup-outcomes" aria-label={t('bulk.outcomes')} aria-live="polite">
      <h3 className="sb-sup__heading">{t('bulk.outcomes')}</h3>
      {progress.state === 'waiting' ? <p>{t('bulk.waiting', { count: sent.ticketIds.length })}</p> : null}
      {progress.state === 'rejected' ? <p className="sb-sup__error">{t('bulk.rejected', { message: progress.error.message })}</p> : null}
      {progress.state === 'conflict' || progress.state === 'unknown' ? <p className="sb-sup__muted">{t('bulk.unknown')}</p> : null}
      {progress.state === 'applied' ? (
        <>
          <p>{t('bulk.summary', { applied: count('applied'), conflict: count('conflict'), rejected: count('rejected') })}</p>
          <ul className="sb-sup-outcomes__list">
            {outcomes.map((o) => (
              <li key={o.ticketId} className={`sb-sup-outcome sb-sup-outcome--${o.status}`}>
                <span className="sb-sup-checklist__key">{name(o.ticketId)}</span>{' '}
                {o.status === 'applied' ? t('bulk.applied')
                  : o.status === 'conflict' ? t('bulk.conflict')
                  : t('bulk.refused', { message: o.error?.message ?? o.error?.code ?? '' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
