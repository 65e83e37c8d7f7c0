// The resolution countdown of one row. At risk and breached say so in words as well as in colour, and
// a paused clock (waiting on the requester) says "paused" instead of counting.
// One text in the cell, its state's look on the cell itself: a queue row is laid out again for every
// row scrolled into view, and spans of their own for the time and the state made every row's SLA cell
// three boxes and three runs of text to lay out, where one does.
import type { TFunction } from 'i18next';
import { formatCountdown } from '../i18n/format';
import { label, labelWith } from '../i18n/labels';
import type { SlaReading } from './sla-schedule';

/** The countdown and state in words, and the state's class and tooltip for the cell that holds them. */
export function slaCell(clock: SlaReading, t: TFunction<'queues'>): { text: string; modifier: string; title: string } {
  const time = formatCountdown(clock.remainingMs);
  if (clock.state === 'breached') {
    return { text: `${time} ${label(t, 'sla.breached')}`, modifier: ' sbq-sla--breached', title: labelWith(t, 'sla.titleBreached', 'time', formatCountdown(-clock.remainingMs)) };
  }
  if (clock.paused) return { text: label(t, 'sla.paused'), modifier: ' sbq-sla--paused', title: labelWith(t, 'sla.titlePaused', 'time', time) };
  if (clock.state === 'at_risk') return { text: `${time} ${label(t, 'sla.atRisk')}`, modifier: ' sbq-sla--at-risk', title: labelWith(t, 'sla.titleRunning', 'time', time) };
  return { text: time, modifier: '', title: labelWith(t, 'sla.titleRunning', 'time', time) };
}
