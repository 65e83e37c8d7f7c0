// The resolution countdown of one row. At risk and breached say so in words as well as in colour, and
// a paused clock (waiting on the requester) says "paused" instead of counting.
// A plain function, not a component: it is part of a queue row (QueueRowView.tsx says why).
import type { TFunction } from 'i18next';
import { formatCountdown } from '../i18n/format';
import type { SlaReading } from './sla-schedule';

export function slaCell(clock: SlaReading, t: TFunction<'queues'>) {
  const time = formatCountdown(clock.remainingMs);
  if (clock.state === 'breached') {
    return (
      <span className="sbq-sla sbq-sla--breached" title={t('sla.titleBreached', { time: formatCountdown(-clock.remainingMs) })}>
        <span className="sbq-sla__time">{time}</span> <span className="sbq-sla__state">{t('sla.breached')}</span>
      </span>
    );
  }
  if (clock.paused) {
    return (
      <span className="sbq-sla sbq-sla--paused" title={t('sla.titlePaused', { time })}>
        <span className="sbq-sla__state">{t('sla.paused')}</span>
      </span>
    );
  }
  const atRisk = clock.state === 'at_risk';
  return (
    <span className={atRisk ? 'sbq-sla sbq-sla--at-risk' : 'sbq-sla'} title={t('sla.titleRunning', { time })}>
      <span className="sbq-sla__time">{time}</span>
      {atRisk && <> <span className="sbq-sla__state">{t('sla.atRisk')}</span></>}
    </span>
  );
}
