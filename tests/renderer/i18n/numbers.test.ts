// Counts in messages are written the way each language writes numbers, in whichever language the agent
// switches to, through the app's own formatters.
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/i18n';
import { formatNumber } from '../../../renderer/i18n/format';

describe('numbers in messages', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en');
  });

  it('groups thousands in English and in Czech', async () => {
    expect(i18next.t('queues:summary', { count: 22767 })).toBe('22,767 tickets');
    await i18next.changeLanguage('cs');
    const czech = i18next.t('queues:summary', { count: 22767 });
    expect(czech).toBe(`${formatNumber(22767, 'cs')} tiketů`);
    // Czech groups with a (narrow) no-break space, never a comma.
    expect(czech).toMatch(/^22\s767 tiketů$/u);
  });
});
