// Relative times are kept per language by unit and amount: what an agent reads must still be what Intl
// says, for that amount, in the language of the moment.
import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../../renderer/i18n/format';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;

describe('relative times', () => {
  it('says each amount in its unit as Intl does, in English and in Czech, asked in turn', () => {
    const cases: Array<[number, number, Intl.RelativeTimeFormatUnit]> = [
      [5_000, -5, 'second'],
      [2 * MINUTE, -2, 'minute'],
      [3 * 60 * MINUTE, -3, 'hour'],
      [26 * 60 * MINUTE, -1, 'day'],
      [-90 * MINUTE, 2, 'hour'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const language of ['en', 'cs']) {
        const intl = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
        for (const [ago, amount, unit] of cases) expect(formatRelative(before(ago), NOW, language)).toBe(intl.format(amount, unit));
      }
    }
    expect(formatRelative(before(2 * MINUTE), NOW, 'en')).toBe('2 minutes ago');
    expect(formatRelative(before(2 * MINUTE), NOW, 'cs')).toBe('před 2 minutami');
  });
});
