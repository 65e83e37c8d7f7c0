// Time spent on the ticket: the worklogs so far and a form to log more (minutes, note, on site).
// The work is taken to have ended now, so it started `minutes` ago.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Worklog } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import { formatDateTime } from '../i18n/format';

const MAX_MINUTES = 24 * 60;

export function Worklogs({ ticketId, worklogs, agents, canLog }: {
  ticketId: string;
  worklogs: readonly Worklog[] | undefined;
  agents: ReadonlyMap<string, Agent>;
  canLog: boolean;
}) {
  const { t, i18n } = useTranslation('ticket');
  const total = (worklogs ?? []).reduce((sum, w) => sum + w.minutes, 0);
  return (
    <section className="sb-ticket__card sb-worklogs">
      <h3 className="sb-ticket__section-title">{t('worklog.title')}</h3>
      {worklogs && worklogs.length > 0 ? (
        <>
          <ul className="sb-worklogs__list">
            {worklogs.map((w) => (
              <li key={w.id} className="sb-worklog">
                <span className="sb-worklog__minutes">{t('worklog.minutes', { count: w.minutes })}</span>{' '}
                <span className="sb-worklog__agent">{agents.get(w.agentId)?.name ?? t('header.unknownAgent')}</span>{' '}
                <time dateTime={w.startedAt}>{formatDateTime(w.startedAt, i18n.language)}</time>
                {w.onSite ? <span className="sb-badge sb-badge--onsite"> {t('worklog.onSiteBadge')}</span> : null}
                {w.note ? <p className="sb-worklog__note">{w.note}</p> : null}
              </li>
            ))}
          </ul>
          <p className="sb-worklogs__total">{t('worklog.total', { count: total })}</p>
        </>
      ) : (
        <p className="sb-ticket__hint">{worklogs === undefined ? t('loading') : t('worklog.none')}</p>
      )}
      {canLog ? <WorklogForm ticketId={ticketId} /> : null}
    </section>
  );
}

function WorklogForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('ticket');
  const { change, newId, now, actor } = useConsole();
  const id = useId();
  const action = useAction();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  // Field technicians log on-site work more often than not.
  const [onSite, setOnSite] = useState(actor.role === 'field_tech');
  const [invalid, setInvalid] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > MAX_MINUTES) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const startedAt = new Date(now().getTime() - value * 60_000).toISOString();
    const saved = await action.run(() =>
      change('worklog.add', { id: newId(), ticketId, minutes: value, note: note.trim(), onSite, startedAt }),
    );
    if (saved) {
      setMinutes('');
      setNote('');
    }
  }

  return (
    <form className="sb-ticket__form" onSubmit={submit} aria-label={t('worklog.formLabel')} noValidate>
      <div className="sb-ticket__row">
        <label htmlFor={`${id}-minutes`}>{t('worklog.minutesLabel')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          step={1}
          required
          value={minutes}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-minutes-error` : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <label className="sb-ticket__check">
          <input type="checkbox" checked={onSite} onChange={(e) => setOnSite(e.target.checked)} />
          {t('worklog.onSite')}
        </label>
      </div>
      {invalid ? <p id={`${id}-minutes-error`} role="alert" className="sb-ticket__error">{t('worklog.minutesInvalid', { max: MAX_MINUTES })}</p> : null}
      <div className="sb-ticket__field">
        <label htmlFor={`${id}-note`}>{t('worklog.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>{t('worklog.submit')}</button>
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}
