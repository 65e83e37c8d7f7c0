// Who asked, as each desk knows them: the Service Desk's employee of a client organisation with the
// affected service or configuration item; the Help Desk's customer with account, tier, contract and product.
import { useTranslation } from 'react-i18next';
import type { HelpTicket, ServiceTicket, Ticket } from '../../shared/schemas/ticket';
import { useOrganization } from './use-ticket-data';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation('ticket');
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value || <span className="sb-ticket__none">{t('requester.none')}</span>}</dd>
    </div>
  );
}

export function RequesterCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticket');
  const title = ticket.desk === 'service' ? t('requester.employeeTitle') : t('requester.customerTitle');
  return (
    <section className="sb-ticket__card sb-requester">
      <h3 className="sb-ticket__section-title">{title}</h3>
      {ticket.desk === 'service' ? <Employee ticket={ticket} /> : <Customer ticket={ticket} />}
    </section>
  );
}

function Employee({ ticket }: { ticket: ServiceTicket }) {
  const { t } = useTranslation('ticket');
  const organization = useOrganization(ticket.requester.organizationId);
  const r = ticket.requester;
  return (
    <dl className="sb-ticket__dl">
      <Fact label={t('requester.name')} value={r.name} />
      <Fact label={t('requester.email')} value={r.email} />
      <Fact label={t('requester.organization')} value={organization === undefined ? '…' : (organization?.name ?? t('requester.unknownOrganization'))} />
      <Fact label={t('requester.department')} value={r.department} />
      <Fact label={t('requester.location')} value={r.location} />
      <Fact label={t('requester.service')} value={ticket.service} />
      <Fact label={t('requester.configurationItem')} value={ticket.configurationItem} />
      {ticket.alert ? (
        <Fact
          label={t('requester.alert')}
          value={t('requester.alertValue', { source: ticket.alert.source, severity: t(`severity.${ticket.alert.severity}`), count: ticket.alert.occurrences, state: ticket.alert.firing ? t('requester.firing') : t('requester.recovered') })}
        />
      ) : null}
    </dl>
  );
}

function Customer({ ticket }: { ticket: HelpTicket }) {
  const { t } = useTranslation('ticket');
  const r = ticket.requester;
  return (
    <dl className="sb-ticket__dl">
      <Fact label={t('requester.name')} value={r.name} />
      <Fact label={t('requester.phone')} value={r.phone} />
      <Fact label={t('requester.email')} value={r.email} />
      <Fact label={t('requester.account')} value={r.accountNumber} />
      <Fact label={t('requester.tier')} value={t(`tier.${r.tier}`)} />
      <Fact label={t('requester.contract')} value={r.contract} />
      <Fact label={t('requester.product')} value={ticket.product} />
    </dl>
  );
}
