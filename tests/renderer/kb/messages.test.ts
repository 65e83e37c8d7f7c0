// Every string of the pane exists in English and Czech (Czech has more plural forms than English).
import { describe, expect, it } from 'vitest';
import { kbMessages } from '../../../renderer/kb/messages';

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('kb messages', () => {
  it('has the same strings in English and Czech, none empty', () => {
    const en = keys(kbMessages.en);
    const cs = keys(kbMessages.cs);
    expect(new Set(cs.map(base))).toEqual(new Set(en.map(base)));
    for (const key of cs.filter((k) => /_(one|few|many|other)$/.test(k))) {
      for (const form of ['one', 'few', 'many', 'other']) expect(cs).toContain(`${base(key)}_${form}`);
    }
    const values = (tree: Record<string, unknown>): unknown[] => Object.values(tree).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as Record<string, unknown>) : [v]));
    for (const v of [...values(kbMessages.en), ...values(kbMessages.cs)]) expect(typeof v === 'string' && v.trim().length > 0).toBe(true);
  });
});
