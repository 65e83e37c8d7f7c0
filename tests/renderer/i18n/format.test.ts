// Relative times are kept per language by unit and amount, and SLA cells by what they show: what an
// agent reads must still be what Intl and i18next say, for that value, in the language of the moment.
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/i18n';
import { formatRelative } from '../../../renderer/i18n/format';
import { slaCell } from '../../../renderer/queues/sla-cell';

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

describe('SLA cells', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('tells a breach under a minute from time left under a minute, and each language its own words', () => {
    const en = i18next.getFixedT('en', 'queues');
    const cs = i18next.getFixedT('cs', 'queues');
    const over = { remainingMs: -30_000, state: 'breached', paused: false } as const;
    const left = { remainingMs: 30_000, state: 'at_risk', paused: false } as const;
    expect(slaCell(over, en).text).toBe('-0:00 breached');
    expect(slaCell(left, en).text).toBe('0:00 at risk');
    expect(slaCell({ ...over, remainingMs: 0 }, en).text).toBe('0:00 breached');
    expect(slaCell(over, cs).text).toBe('-0:00 překročeno');
    expect(slaCell({ ...left, paused: true }, en)).toMatchObject({ text: 'paused', modifier: ' sbq-sla--paused' });
    expect(slaCell({ remainingMs: 65 * MINUTE + 59_000, state: 'ok', paused: false }, en)).toEqual({
      text: '1:05', modifier: '', title: en('sla.titleRunning', { time: '1:05' }),
    });
  });
});
