// Every string of the field pane and of notifications exists in English and Czech, with Czech's plural forms.
import { describe, expect, it } from 'vitest';
import { offlineMessages } from '../../../renderer/offline/messages';
import { i18next } from '../../../renderer/i18n';

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('offline messages', () => {
  it('has the same strings in English and Czech, none empty', () => {
    const en = keys(offlineMessages.en);
    const cs = keys(offlineMessages.cs);
    expect(new Set(cs.map(base))).toEqual(new Set(en.map(base)));
    for (const key of cs.filter((k) => /_(one|few|many|other)$/.test(k))) {
      for (const form of ['one', 'few', 'many', 'other']) expect(cs).toContain(`${base(key)}_${form}`);
    }
    for (const key of en.filter((k) => /_(one|other)$/.test(k))) {
      for (const form of ['one', 'other']) expect(en).toContain(`${base(key)}_${form}`);
    }
    const values = (tree: Record<string, unknown>): unknown[] => Object.values(tree).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as Record<string, unknown>) : [v]));
    for (const v of [...values(offlineMessages.en), ...values(offlineMessages.cs)]) expect(typeof v === 'string' && v.trim().length > 0).toBe(true);
  });

  it('is registered as the "offline" namespace', () => {
    const cs = i18next.getFixedT('cs', 'offline');
    expect(cs('backOnline.sending', { sent: 1, total: 3 })).toBe('Odesílám změny: 1 z 3');
    expect(cs('notify.handover.title', { count: 3 })).toBe('Byly vám předány 3 tikety');
    expect(i18next.getFixedT('en', 'offline')('notify.handover.title', { count: 3 })).toBe('3 tickets handed over to you');
    expect(i18next.getFixedT('en', 'offline')('notify.handoverBy.title', { count: 3, by: 'Petr Svoboda' })).toBe('3 tickets handed over to you by Petr Svoboda');
    expect(cs('notify.handoverBy.title', { count: 3, by: 'Petr Svoboda' })).toBe('Předání směny (Petr Svoboda): byly vám předány 3 tikety');
  });
});
