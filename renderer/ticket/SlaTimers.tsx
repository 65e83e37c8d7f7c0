// First-response and resolution timers, recomputed once a minute. The state is written out in words
// (running, paused, at risk, breached, met, missed) and colour only repeats it.
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../shared/schemas/ticket';
import { formatCountdown, formatDateTime } from '../i18n/format';
import { slaTimers } from './sla-view';
import { useNow } from './use-now';

export function SlaTimers({ ticket, timeZone }: { ticket: Ticket; timeZone: string }) {
  const { t, i18n } = useTranslation('ticket');
  const now = useNow(60_000);
  const timers = slaTimers(ticket, timeZone, now);
  return (
    <ul className="sb-ticket__sla" aria-label={t('sla.title')}>
      {timers.map((timer) => {
        const stopped = timer.state === 'met' || timer.state === 'missed';
        return (
          <li key={timer.kind} className={`sb-sla sb-sla--${timer.state}`}>
            <span className="sb-sla__name">{t(`sla.${timer.kind}`)}</span>{' '}
            <span className="sb-sla__state">{t(`sla.state.${timer.state}`)}</span>
            {timer.paused && timer.state !== 'paused' ? <span className="sb-sla__paused"> ({t('sla.alsoPaused')})</span> : null}
            {stopped || timer.state === 'paused' ? null : (
              <>
                {' '}
                <span className="sb-sla__left">
                  {timer.remainingMs >= 0
                    ? t('sla.left', { time: formatCountdown(timer.remainingMs) })
                    : t('sla.over', { time: formatCountdown(-timer.remainingMs) })}
                </span>
              </>
            )}
            {timer.dueAt && !stopped ? (
              <span className="sb-sla__due"> · {t('sla.due', { at: formatDateTime(timer.dueAt, i18n.language) })}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
