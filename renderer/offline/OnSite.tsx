// On site: my tickets, each with the worklog timer, status and notes, and files from disk or camera.
// Everything here goes through the outbox, so it works the same with or without a network.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import { SiteTicket } from './SiteTicket';
import { onSiteTickets } from './tickets';
import { readTimer, writeTimer } from './timer';

export function OnSite() {
  const { t } = useTranslation('offline');
  const { db, actor } = useConsole();
  const headingId = useId();
  const data = useLiveQuery(async () => {
    const [mine, timer] = await Promise.all([db.tickets.where('assigneeId').equals(actor.id).toArray(), readTimer(db, actor.id)]);
    const tickets = onSiteTickets(mine);
    // A ticket reassigned while its timer runs stays here until the timer is stopped: the work was done.
    const timed = timer && !tickets.some((tk) => tk.id === timer.ticketId) ? await db.tickets.get(timer.ticketId) : undefined;
    return { tickets: timed ? [timed, ...tickets] : tickets, timer, orphan: timer !== null && !timed && !tickets.some((tk) => tk.id === timer.ticketId) };
  }, [db, actor.id]);

  return (
    <section className="sb-field__card sb-onsite" aria-labelledby={headingId}>
      <h3 id={headingId} className="sb-field__heading">{t('onSite.title')}</h3>
      {data?.orphan ? (
        <p role="alert" className="sb-field__error">
          {t('timer.orphan')}{' '}
          <button type="button" onClick={() => void writeTimer(db, actor.id, null)}>{t('timer.discard')}</button>
        </p>
      ) : null}
      {data === undefined ? <p className="sb-field__hint">{t('loading')}</p>
        : data.tickets.length === 0 ? <p className="sb-field__hint">{t('onSite.none')}</p> : (
          <ul className="sb-onsite__list" aria-label={t('onSite.listLabel')}>
            {data.tickets.map((ticket) => (
              <li key={ticket.id}>
                <SiteTicket ticket={ticket} timer={data.orphan ? null : data.timer} />
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
