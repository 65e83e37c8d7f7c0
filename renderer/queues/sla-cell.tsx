// The resolution countdown of one row. At risk and breached say so in words as well as in colour, and
// a paused clock (waiting on the requester) says "paused" instead of counting.
// A plain function, not a component: it is part of a queue row (QueueRowView.tsx says why). Every state
// has the same elements, so a row scrolled into a slot updates text and classes in place rather than
// replacing elements.
import type { TFunction } from 'i18next';
import { formatCountdown } from '../i18n/format';
import { label, labelWith } from '../i18n/labels';
import type { SlaReading } from './sla-schedule';

function describe(clock: SlaReading, t: TFunction<'queues'>): { modifier: string; time: string; state: string; title: string } {
  const time = formatCountdown(clock.remainingMs);
  if (clock.state === 'breached') {
    return { modifier: ' sbq-sla--breached', time, state: label(t, 'sla.breached'), title: labelWith(t, 'sla.titleBreached', 'time', formatCountdown(-clock.remainingMs)) };
  }
  if (clock.paused) return { modifier: ' sbq-sla--paused', time: '', state: label(t, 'sla.paused'), title: labelWith(t, 'sla.titlePaused', 'time', time) };
  if (clock.state === 'at_risk') return { modifier: ' sbq-sla--at-risk', time, state: label(t, 'sla.atRisk'), title: labelWith(t, 'sla.titleRunning', 'time', time) };
  return { modifier: '', time, state: '', title: labelWith(t, 'sla.titleRunning', 'time', time) };
}

/** The countdown's text, and the state's class and tooltip for the cell that holds it. */
export function slaCell(clock: SlaReading, t: TFunction<'queues'>) {
  const { modifier, time, state, title } = describe(clock, t);
  const content = (
    <>
      <span className="sbq-sla__time">{time}</span> <span className="sbq-sla__state">{state}</span>
    </>
  );
  return { content, modifier, title };
}
