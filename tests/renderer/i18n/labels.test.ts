// Queue rows take their labels from a cache per translation function; an SLA tooltip puts its countdown
// into a label translated once. What an agent reads must be what i18next itself would have said, in
// the language of the moment.
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/i18n';
import { label, labelWith } from '../../../renderer/i18n/labels';

describe('queue labels', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('puts each value into the tooltip as i18next would, in English and then in Czech', async () => {
    for (const language of ['en', 'cs']) {
      await i18next.changeLanguage(language);
      const t = i18next.getFixedT(language, 'queues');
      for (const key of ['sla.titleRunning', 'sla.titlePaused', 'sla.titleBreached']) {
        for (const time of ['0:05', '12:40', '-3:00']) {
          expect(labelWith(t, key, 'time', time)).toBe(t(key, { time }));
        }
      }
      expect(labelWith(t, 'sla.titleRunning', 'time', '1:05')).toContain('1:05');
    }
    const en = i18next.getFixedT('en', 'queues');
    const cs = i18next.getFixedT('cs', 'queues');
    expect(labelWith(cs, 'sla.titleRunning', 'time', '1:05')).not.toBe(labelWith(en, 'sla.titleRunning', 'time', '1:05'));
  });

  it('keeps a label of each translation function apart from another language', () => {
    const en = i18next.getFixedT('en', 'queues');
    const cs = i18next.getFixedT('cs', 'queues');
    expect(label(en, 'unassigned')).toBe(en('unassigned'));
    expect(label(cs, 'unassigned')).toBe(cs('unassigned'));
    expect(label(cs, 'unassigned')).not.toBe(label(en, 'unassigned'));
  });
});
