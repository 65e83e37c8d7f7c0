// Status changes: only the moves the shared status table allows from the current status are offered,
// resolving asks for the resolution, and the change carries the status the agent saw (expectedStatus).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextStatuses, type Status } from '../../shared/rules/status';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';

export function StatusControl({ ticket, canEdit }: { ticket: Ticket; canEdit: boolean }) {
  if (!canEdit) return null;
  return <StatusForm key={ticket.status} ticket={ticket} />;
}

function StatusForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('ticket');
  const { change } = useConsole();
  const id = useId();
  const action = useAction();
  const options = nextStatuses(ticket.status);
  const [status, setStatus] = useState<Status | ''>('');
  const [resolution, setResolution] = useState('');
  const [resolutionMissing, setResolutionMissing] = useState(false);

  if (options.length === 0) return <p className="sb-ticket__hint">{t('status.final')}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return;
    if (status === 'resolved' && !resolution.trim()) {
      setResolutionMissing(true);
      return;
    }
    setResolutionMissing(false);
    await action.run(() =>
      change('ticket.setStatus', {
        ticketId: ticket.id,
        status,
        expectedStatus: ticket.status,
        ...(status === 'resolved' ? { resolution: resolution.trim() } : {}),
      }),
    );
  }

  return (
    <form className="sb-ticket__form sb-status" onSubmit={submit} aria-label={t('status.formLabel')} noValidate>
      <div className="sb-ticket__row">
        <label htmlFor={`${id}-status`}>{t('status.change')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{t('status.choose')}</option>
          {options.map((s) => <option key={s} value={s}>{t(`statusName.${s}`)}</option>)}
        </select>
        <button type="submit" disabled={action.busy || !status}>{t('status.submit')}</button>
      </div>
      {status === 'resolved' ? (
        <div className="sb-ticket__field">
          <label htmlFor={`${id}-resolution`}>{t('status.resolution')}</label>
          <textarea
            id={`${id}-resolution`}
            value={resolution}
            required
            rows={3}
            maxLength={10_000}
            aria-invalid={resolutionMissing || undefined}
            aria-describedby={resolutionMissing ? `${id}-resolution-error` : undefined}
            onChange={(e) => setResolution(e.target.value)}
          />
          {resolutionMissing ? <p id={`${id}-resolution-error`} role="alert" className="sb-ticket__error">{t('status.resolutionRequired')}</p> : null}
        </div>
      ) : null}
      {status === 'pending' ? <p className="sb-ticket__hint">{t('status.pendingHint')}</p> : null}
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}
