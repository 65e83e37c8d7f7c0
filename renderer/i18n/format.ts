// Dates, times and durations in the agent's language, through Intl (no strings of our own to translate).
// Making an Intl formatter costs about a hundred times as much as formatting with one, and a queue
// formats two dates per row for every row that scrolls into view: one formatter per language, kept.

function perLanguage<F>(make: (language: string) => F): (language: string) => F {
  const made = new Map<string, F>();
  return (language) => {
    let formatter = made.get(language);
    if (!formatter) made.set(language, (formatter = make(language)));
    return formatter;
  };
}

const dateTimeFormat = perLanguage((language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }));
const relativeFormat = perLanguage((language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
const numberFormat = perLanguage((language) => new Intl.NumberFormat(language));

/** "22,767", "22 767": the `number` format of the messages (`{{count, number}}`). */
export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/**
 * Makes the language's formatters ahead of need. The first Intl formatter of a page loads the locale's
 * data, tens of milliseconds; done while the sign-in screen waits for the agent, the console's first
 * render does not pay it.
 */
export function warmFormatters(language: string): void {
  numberFormat(language);
  dateTimeFormat(language);
  relativeFormat(language);
}

export function formatDateTime(iso: string, language: string): string {
  return dateTimeFormat(language).format(new Date(iso));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/**
 * Each language's relative texts by unit and amount. A queue shows one in every row, and a scroll
 * through it asks for tens of thousands of a few hundred different texts: the same text is then the
 * same string, neither made again nor taken in by the page again as a new one.
 */
const relativeTexts = perLanguage(() => new Map<number, string>());

/** "2 min ago", "in 3 hours", "před 2 minutami". */
export function formatRelative(iso: string, now: Date, language: string): string {
  const diff = Date.parse(iso) - now.getTime();
  let u = 0;
  while (u < UNITS.length - 1 && Math.abs(diff) < UNITS[u]![1]) u++;
  const [unit, ms] = UNITS[u]!;
  const amount = Math.round(diff / ms);
  const texts = relativeTexts(language);
  const key = amount * UNITS.length + u;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = relativeFormat(language).format(amount, unit)));
  return text;
}

/** An SLA countdown such as "1:05" (hours:minutes) or "-0:20" once breached. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
