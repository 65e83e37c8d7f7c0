// The resolution countdown of one row. At risk and breached say so in words as well as in colour, and
// a paused clock (waiting on the requester) says "paused" instead of counting.
// A plain function, not a component: it is part of a queue row (QueueRowView.tsx says why). Every state
// has the same elements, so a row scrolled into a slot updates text and classes in place rather than
// replacing elements.
import type { TFunction } from 'i18next';
import { formatCountdown } from '../i18n/format';
import type { SlaReading } from './sla-schedule';

function describe(clock: SlaReading, t: TFunction<'queues'>): { modifier: string; time: string; state: string; title: string } {
  const time = formatCountdown(clock.remainingMs);
  if (clock.state === 'breached') {
    return { modifier: ' sbq-sla--breached', time, state: t('sla.breached'), title: t('sla.titleBreached', { time: formatCountdown(-clock.remainingMs) }) };
  }
  if (clock.paused) return { modifier: ' sbq-sla--paused', time: '', state: t('sla.paused'), title: t('sla.titlePaused', { time }) };
  if (clock.state === 'at_risk') return { modifier: ' sbq-sla--at-risk', time, state: t('sla.atRisk'), title: t('sla.titleRunning', { time }) };
  return { modifier: '', time, state: '', title: t('sla.titleRunning', { time }) };
}

export function slaCell(clock: SlaReading, t: TFunction<'queues'>) {
  const { modifier, time, state, title } = describe(clock, t);
  return (
    <span className={`sbq-sla${modifier}`} title={title}>
      <span className="sbq-sla__time">{time}</span> <span className="sbq-sla__state">{state}</span>
    </span>
  );
}
