// Status and notes from site: the status moves the shared table allows (resolving asks for the
// resolution), and a note or reply. Both carry what the tech saw, so a change made meanwhile by someone
// else comes back as a conflict instead of being overwritten.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nextStatuses, type Status } from '../../shared/rules/status';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';

export function SiteUpdates({ ticket, status, notes }: { ticket: Ticket; status: boolean; notes: boolean }) {
  if (!status && !notes) return null;
  return (
    <div className="sb-site__updates">
      {status ? <StatusForm key={ticket.status} ticket={ticket} /> : null}
      {notes ? <NoteForm ticketId={ticket.id} /> : null}
    </div>
  );
}

function StatusForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('offline');
  const { change } = useConsole();
  const id = useId();
  const submit = useAction();
  const [status, setStatus] = useState<Status | ''>('');
  const [resolution, setResolution] = useState('');
  const [missing, setMissing] = useState(false);
  const options = nextStatuses(ticket.status);
  if (options.length === 0) return null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!status) return;
    if (status === 'resolved' && !resolution.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await submit.run(() => change('ticket.setStatus', {
      ticketId: ticket.id,
      status,
      expectedStatus: ticket.status,
      ...(status === 'resolved' ? { resolution: resolution.trim() } : {}),
    }));
  }

  return (
    <form className="sb-site__form" onSubmit={onSubmit} aria-label={t('status.formLabel', { ticket: ticket.key ?? ticket.subject })} noValidate>
      <div className="sb-field__row">
        <label htmlFor={`${id}-status`}>{t('status.label')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{t('status.choose')}</option>
          {options.map((s) => <option key={s} value={s}>{t(`statusName.${s}`)}</option>)}
        </select>
        <button type="submit" disabled={submit.busy || !status}>{t('status.submit')}</button>
      </div>
      {status === 'resolved' ? (
        <div className="sb-field__stack">
          <label htmlFor={`${id}-resolution`}>{t('status.resolution')}</label>
          <textarea
            id={`${id}-resolution`}
            rows={2}
            maxLength={10_000}
            value={resolution}
            aria-invalid={missing || undefined}
            onChange={(e) => setResolution(e.target.value)}
          />
          {missing ? <p role="alert" className="sb-field__error">{t('status.resolutionRequired')}</p> : null}
        </div>
      ) : null}
      {submit.failed ? <p role="alert" className="sb-field__error">{t('notSaved')}</p> : null}
    </form>
  );
}

function NoteForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('offline');
  const { change, newId } = useConsole();
  const id = useId();
  const submit = useAction();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'internal' | 'public'>('internal');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    if (await submit.run(() => change('comment.add', { id: newId(), ticketId, body: text, visibility }))) setBody('');
  }

  return (
    <form className="sb-site__form" onSubmit={onSubmit} aria-label={t('note.formLabel')} noValidate>
      <div className="sb-field__stack">
        <label htmlFor={`${id}-body`}>{visibility === 'internal' ? t('note.internal') : t('note.public')}</label>
        <textarea id={`${id}-body`} rows={2} maxLength={100_000} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="sb-field__row">
        <label className="sb-field__check">
          <input type="checkbox" checked={visibility === 'public'} onChange={(e) => setVisibility(e.target.checked ? 'public' : 'internal')} />
          {t('note.sendToRequester')}
        </label>
        <button type="submit" disabled={submit.busy || !body.trim()}>{visibility === 'internal' ? t('note.addInternal') : t('note.addPublic')}</button>
      </div>
      {submit.failed ? <p role="alert" className="sb-field__error">{t('notSaved')}</p> : null}
    </form>
  );
}
