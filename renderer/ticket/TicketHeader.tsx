// The ticket's identity and state at a glance: key, subject, desk, type, status, priority, assignee
// and group. Everything is text (a state never relies on colour alone).
import { useTranslation } from 'react-i18next';
import type { Agent, Group } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';

export function TicketHeader({ ticket, agents, groups }: {
  ticket: Ticket;
  agents: ReadonlyMap<string, Agent>;
  groups: ReadonlyMap<string, Group>;
}) {
  const { t } = useTranslation('ticket');
  const assignee = ticket.assigneeId ? (agents.get(ticket.assigneeId)?.name ?? t('header.unknownAgent')) : t('header.unassigned');
  const group = ticket.groupId ? (groups.get(ticket.groupId)?.name ?? t('header.unknownGroup')) : t('header.noGroup');
  const overridden = ticket.desk === 'service' && ticket.priorityReason;
  return (
    <div className="sb-ticket__identity">
      <h2 className="sb-ticket__title">
        <span className="sb-ticket__key">{ticket.key ?? t('header.newKey')}</span> <span className="sb-ticket__subject">{ticket.subject}</span>
      </h2>
      <dl className="sb-ticket__facts" aria-label={t('header.facts')}>
        <div><dt>{t('header.desk')}</dt><dd>{t(`desk.${ticket.desk}`)}</dd></div>
        <div><dt>{t('header.type')}</dt><dd>{t(`type.${ticket.type}`)}</dd></div>
        <div><dt>{t('header.status')}</dt><dd className={`sb-ticket__status sb-ticket__status--${ticket.status}`}>{t(`statusName.${ticket.status}`)}</dd></div>
        <div>
          <dt>{t('header.priority')}</dt>
          <dd className={`sb-ticket__priority sb-ticket__priority--${ticket.priority}`}>
            {ticket.priority}
            {overridden ? <span className="sb-ticket__override"> ({t('priority.overridden')})</span> : null}
          </dd>
        </div>
        <div><dt>{t('header.assignee')}</dt><dd>{assignee}</dd></div>
        <div><dt>{t('header.group')}</dt><dd>{group}</dd></div>
        <div><dt>{t('header.channel')}</dt><dd>{t(`channel.${ticket.channel}`)}</dd></div>
      </dl>
    </div>
  );
}
