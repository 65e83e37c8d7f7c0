// The on-site timer of one ticket: Start on arrival, Stop on leaving, then the worklog form prefilled with
// the minutes (rounded up) → `worklog.add` with onSite and the arrival as startedAt. The timer lives in the
// cache (timer.ts), so it survives a reload; only one runs at a time.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { formatDateTime } from '../i18n/format';
import { formatElapsed, MAX_WORKLOG_MINUTES, workedMinutes, writeTimer, type SiteTimer } from './timer';

function useTicking(active: boolean, everyMs = 1000): Date {
  const { now } = useConsole();
  const [value, setValue] = useState(() => now());
  useEffect(() => {
    if (!active) return;
    setValue(now());
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [active, now, everyMs]);
  return value;
}

export function WorklogTimer({ ticket, timer }: { ticket: Ticket; timer: SiteTimer | null }) {
  const { t } = useTranslation('offline');
  const { db, actor, now } = useConsole();
  const mine = timer?.ticketId === ticket.id ? timer : null;
  const [failed, setFailed] = useState(false);

  const save = async (next: SiteTimer | null) => {
    setFailed(false);
    try {
      await writeTimer(db, actor.id, next);
    } catch (error) {
      console.error('Saving the timer failed', error);
      setFailed(true);
    }
  };
  const error = failed ? <p role="alert" className="sb-field__error">{t('timer.failed')}</p> : null;

  if (!mine) {
    return (
      <div className="sb-timer">
        <button type="button" disabled={timer !== null} onClick={() => void save({ ticketId: ticket.id, startedAt: now().toISOString(), stoppedAt: null })}>
          {t('timer.start')}
        </button>
        {timer !== null ? <span className="sb-field__hint"> {t('timer.otherRunning')}</span> : null}
        {error}
      </div>
    );
  }
  if (mine.stoppedAt === null) return <RunningTimer timer={mine} onStop={() => void save({ ...mine, stoppedAt: now().toISOString() })} error={error} />;
  return (
    <StoppedTimer
      key={mine.stoppedAt}
      ticket={ticket}
      timer={mine as SiteTimer & { stoppedAt: string }}
      onResume={() => void save({ ...mine, stoppedAt: null })}
      onDiscard={() => void save(null)}
      error={error}
    />
  );
}

function RunningTimer({ timer, onStop, error }: { timer: SiteTimer; onStop: () => void; error: ReactNode }) {
  const { t, i18n } = useTranslation('offline');
  const at = useTicking(true);
  return (
    <div className="sb-timer sb-timer--running">
      <span>{t('timer.since', { when: formatDateTime(timer.startedAt, i18n.language) })}</span>{' '}
      <span role="timer" aria-label={t('timer.elapsedLabel')} className="sb-timer__elapsed">{formatElapsed(at.getTime() - Date.parse(timer.startedAt))}</span>{' '}
      <button type="button" className="sb-field__primary" onClick={onStop}>{t('timer.stop')}</button>
      {error}
    </div>
  );
}

function StoppedTimer({ ticket, timer, onResume, onDiscard, error }: {
  ticket: Ticket;
  timer: SiteTimer & { stoppedAt: string };
  onResume: () => void;
  onDiscard: () => void;
  error: ReactNode;
}) {
  const { t } = useTranslation('offline');
  const { db, actor, change, newId } = useConsole();
  const id = useId();
  const [minutes, setMinutes] = useState(() => String(workedMinutes(timer.startedAt, timer.stoppedAt)));
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > MAX_WORKLOG_MINUTES) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    setFailed(false);
    try {
      await change('worklog.add', { id: newId(), ticketId: ticket.id, minutes: value, note: note.trim(), onSite: true, startedAt: timer.startedAt });
      await writeTimer(db, actor.id, null);
    } catch (error) {
      console.error('The worklog was not saved', error);
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <form className="sb-timer sb-timer--stopped" onSubmit={submit} aria-label={t('timer.formLabel')} noValidate>
      <div className="sb-field__row">
        <label htmlFor={`${id}-minutes`}>{t('timer.minutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_WORKLOG_MINUTES}
          step={1}
          value={minutes}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      {invalid ? <p id={`${id}-error`} role="alert" className="sb-field__error">{t('timer.minutesInvalid', { max: MAX_WORKLOG_MINUTES })}</p> : null}
      <div className="sb-field__stack">
        <label htmlFor={`${id}-note`}>{t('timer.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="sb-field__row">
        <button type="submit" className="sb-field__primary" disabled={busy}>{t('timer.log')}</button>
        <button type="button" onClick={onResume} disabled={busy}>{t('timer.resume')}</button>
        <button type="button" onClick={onDiscard} disabled={busy}>{t('timer.discard')}</button>
      </div>
      {failed ? <p role="alert" className="sb-field__error">{t('notSaved')}</p> : null}
      {error}
    </form>
  );
}
