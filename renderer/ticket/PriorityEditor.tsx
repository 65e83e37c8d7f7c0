// Priority. Service Desk: impact × urgency decide through the ITIL matrix, and an override needs a
// stated reason (the server refuses one without). Help Desk: the agent sets it from severity and tier.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFields } from '../../shared/protocol/mutations';
import { LEVELS, PRIORITIES, priorityFromMatrix, type Level, type Priority } from '../../shared/rules/priority';
import type { HelpTicket, ServiceTicket, Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';

export function PriorityEditor({ ticket, canEdit }: { ticket: Ticket; canEdit: boolean }) {
  if (!canEdit) return null;
  // Re-keyed by the fields it edits, so a change from elsewhere resets the form to the truth.
  return ticket.desk === 'service' ? (
    <ServicePriorityForm key={`${ticket.impact}|${ticket.urgency}|${ticket.priority}|${ticket.priorityReason ?? ''}`} ticket={ticket} />
  ) : (
    <HelpPriorityForm key={ticket.priority} ticket={ticket} />
  );
}

function ServicePriorityForm({ ticket }: { ticket: ServiceTicket }) {
  const { t } = useTranslation('ticket');
  const { change } = useConsole();
  const id = useId();
  const [impact, setImpact] = useState<Level>(ticket.impact);
  const [urgency, setUrgency] = useState<Level>(ticket.urgency);
  const [override, setOverride] = useState<Priority | ''>(ticket.priorityReason ? ticket.priority : '');
  const [reason, setReason] = useState(ticket.priorityReason ?? '');
  const [reasonMissing, setReasonMissing] = useState(false);
  const action = useAction();

  const matrix = priorityFromMatrix(impact, urgency);
  const overriding = override !== '' && override !== matrix;
  const result = overriding ? override : matrix;

  const priorityChanged = overriding
    ? override !== ticket.priority || reason.trim() !== (ticket.priorityReason ?? '')
    : ticket.priorityReason !== null;
  const dirty = impact !== ticket.impact || urgency !== ticket.urgency || priorityChanged;
  const fields: TicketFields = {};
  if (impact !== ticket.impact) fields.impact = impact;
  if (urgency !== ticket.urgency) fields.urgency = urgency;
  // An override always travels whole (priority and reason), or the server would fall back to the matrix.
  if (overriding) {
    fields.priority = override;
    fields.priorityReason = reason.trim();
  } else if (ticket.priorityReason !== null) {
    // Back to the matrix: the override and its reason go.
    fields.priority = matrix;
    fields.priorityReason = null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (overriding && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    if (!dirty) return;
    await action.run(() => change('ticket.update', { ticketId: ticket.id, baseVersion: ticket.version, fields }));
  }

  return (
    <form className="sb-ticket__form sb-priority" aria-labelledby={`${id}-legend`} onSubmit={submit} noValidate>
      <h3 id={`${id}-legend`} className="sb-ticket__form-title">{t('priority.title')}</h3>
      <div className="sb-ticket__row">
        <label htmlFor={`${id}-impact`}>{t('priority.impact')}</label>
        <select id={`${id}-impact`} value={impact} onChange={(e) => setImpact(e.target.value as Level)}>
          {LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
        </select>
        <label htmlFor={`${id}-urgency`}>{t('priority.urgency')}</label>
        <select id={`${id}-urgency`} value={urgency} onChange={(e) => setUrgency(e.target.value as Level)}>
          {LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
        </select>
      </div>
      <p className="sb-priority__matrix">
        <output htmlFor={`${id}-impact ${id}-urgency`} aria-live="polite">{t('priority.matrixResult', { priority: matrix })}</output>
      </p>
      <div className="sb-ticket__row">
        <label htmlFor={`${id}-override`}>{t('priority.override')}</label>
        <select id={`${id}-override`} value={override} onChange={(e) => setOverride(e.target.value as Priority | '')}>
          <option value="">{t('priority.useMatrix', { priority: matrix })}</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      {overriding ? (
        <div className="sb-ticket__field">
          <label htmlFor={`${id}-reason`}>{t('priority.reason')}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            required
            maxLength={500}
            rows={2}
            aria-invalid={reasonMissing || undefined}
            aria-describedby={reasonMissing ? `${id}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonMissing ? <p id={`${id}-reason-error`} role="alert" className="sb-ticket__error">{t('priority.reasonRequired')}</p> : null}
        </div>
      ) : null}
      <p className="sb-priority__result">{t('priority.result', { priority: result })}</p>
      <button type="submit" disabled={action.busy || !dirty}>{t('priority.save')}</button>
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}

function HelpPriorityForm({ ticket }: { ticket: HelpTicket }) {
  const { t } = useTranslation('ticket');
  const { change } = useConsole();
  const id = useId();
  const [priority, setPriority] = useState<Priority>(ticket.priority);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (priority === ticket.priority) return;
    await action.run(() => change('ticket.update', { ticketId: ticket.id, baseVersion: ticket.version, fields: { priority } }));
  }

  return (
    <form className="sb-ticket__form sb-priority" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`} className="sb-ticket__form-title">{t('priority.title')}</h3>
      <div className="sb-ticket__row">
        <label htmlFor={`${id}-priority`}>{t('header.priority')}</label>
        <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        <button type="submit" disabled={action.busy || priority === ticket.priority}>{t('priority.save')}</button>
      </div>
      <p className="sb-ticket__hint">{t('priority.helpHint', { tier: t(`tier.${ticket.requester.tier}`) })}</p>
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}
