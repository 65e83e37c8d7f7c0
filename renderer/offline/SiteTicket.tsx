// One of my tickets as a field tech works it on site: where to go, the timer, status and notes, files.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutationName } from '../../shared/protocol/mutations';
import { maySeeDesk, mayRun } from '../../shared/rules/permissions';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useUiStore } from '../app/ui-store';
import { SiteFiles } from './SiteFiles';
import { SiteUpdates } from './SiteUpdates';
import type { SiteTimer } from './timer';
import { WorklogTimer } from './WorklogTimer';

export function SiteTicket({ ticket, timer }: { ticket: Ticket; timer: SiteTimer | null }) {
  const { t } = useTranslation('offline');
  const { actor } = useConsole();
  const headingId = useId();
  // Hide what the server would refuse (the shared permission table), rather than queue a `forbidden`.
  const may = (name: MutationName) => mayRun(actor, name) && maySeeDesk(actor, ticket.desk);
  const name = ticket.key ?? t('onSite.newTicket');
  const place = ticket.requester.kind === 'employee' ? ticket.requester.location : null;
  const open = () => {
    const ui = useUiStore.getState();
    ui.openTicketIn(ticket.desk, ticket.id);
    ui.focusPane(ticket.desk);
  };
  return (
    <article className={`sb-site${timer?.ticketId === ticket.id ? ' sb-site--timed' : ''}`} aria-labelledby={headingId}>
      <header className="sb-site__header">
        <h4 id={headingId} className="sb-site__title">
          <span className="sb-site__key">{name}</span> {ticket.subject}
        </h4>
        <span className={`sb-site__status sb-site__status--${ticket.status}`}>{t(`statusName.${ticket.status}`)}</span>
      </header>
      <p className="sb-site__meta">
        {ticket.requester.name}
        {place ? ` · ${place}` : ''}
        {' · '}
        <button type="button" className="sb-field__link" onClick={open}>{t('onSite.open', { ticket: name })}</button>
      </p>
      {may('worklog.add') ? <WorklogTimer ticket={ticket} timer={timer} /> : null}
      <SiteUpdates ticket={ticket} status={may('ticket.setStatus')} notes={may('comment.add')} />
      {may('attachment.add') ? <SiteFiles ticket={ticket} /> : null}
    </article>
  );
}
