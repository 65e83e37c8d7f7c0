// The resolution countdown of one row. At risk and breached say so in words as well as in colour, and
// a paused clock (waiting on the requester) says "paused" instead of counting.
// One text in the cell, its state's look on the cell itself: a queue row is laid out again for every
// row scrolled into view, and spans of their own for the time and the state made every row's SLA cell
// three boxes and three runs of text to lay out, where one does.
import type { TFunction } from 'i18next';
import { formatCountdown } from '../i18n/format';
import { cachedFor, label, labelWith, type PerTranslation } from '../i18n/labels';
import type { SlaReading } from './sla-schedule';

export type SlaCellView = { text: string; modifier: string; title: string };

/** What a cell shows for the state (breached, paused, at risk, running) and the countdown. */
function makeView(clock: SlaReading, t: TFunction<'queues'>): SlaCellView {
  const time = formatCountdown(clock.remainingMs);
  if (clock.state === 'breached') {
    return { text: `${time} ${label(t, 'sla.breached')}`, modifier: ' sbq-sla--breached', title: labelWith(t, 'sla.titleBreached', 'time', formatCountdown(-clock.remainingMs)) };
  }
  if (clock.paused) return { text: label(t, 'sla.paused'), modifier: ' sbq-sla--paused', title: labelWith(t, 'sla.titlePaused', 'time', time) };
  if (clock.state === 'at_risk') return { text: `${time} ${label(t, 'sla.atRisk')}`, modifier: ' sbq-sla--at-risk', title: labelWith(t, 'sla.titleRunning', 'time', time) };
  return { text: time, modifier: '', title: labelWith(t, 'sla.titleRunning', 'time', time) };
}

const STATES = ['ok', 'at_risk', 'breached'] as const;
/** Past this many, a language's views start over: countdowns of weeks would otherwise pile up. */
const MOST_VIEWS = 20_000;
const views: PerTranslation<number, SlaCellView> = new WeakMap();

/**
 * The countdown and state in words, and the state's class and tooltip for the cell that holds them.
 * Views are kept per language by what they show (state and whole minutes): a scroll through a queue
 * asks for tens of thousands, of far fewer different ones, and the same view hands the page the same
 * strings instead of new ones to take in for every row.
 */
export function slaCell(clock: SlaReading, t: TFunction<'queues'>): SlaCellView {
  // What the view shows: whole minutes left or over, which of the two, the state, and a pause.
  const minutes = Math.floor(Math.abs(clock.remainingMs) / 60_000);
  const over = clock.remainingMs < 0 ? 1 : 0;
  const key = ((minutes * 2 + over) * STATES.length + STATES.indexOf(clock.state)) * 2 + (clock.paused ? 1 : 0);
  return cachedFor(views, t, key, () => makeView(clock, t), MOST_VIEWS);
}
