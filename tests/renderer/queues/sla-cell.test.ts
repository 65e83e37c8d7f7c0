// SLA cells are kept per language by what they show (state and whole minutes): each must still say its
// own countdown and state, in the agent's language.
import { describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/i18n';
import { slaCell } from '../../../renderer/queues/sla-cell';

const MINUTE = 60_000;

describe('SLA cells', () => {
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
