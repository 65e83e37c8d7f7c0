// The ITIL matrix cell by cell, and the rule that an override only stands with a reason.
import { describe, expect, it } from 'vitest';
import { effectivePriority, priorityFromMatrix, priorityRank } from '../../shared/rules/priority';
import type { Level, Priority } from '../../shared/rules/priority';

const matrix: Array<[Level, Level, Priority]> = [
  ['high', 'high', 'P1'],
  ['high', 'medium', 'P2'],
  ['medium', 'high', 'P2'],
  ['high', 'low', 'P3'],
  ['medium', 'medium', 'P3'],
  ['low', 'high', 'P3'],
  ['medium', 'low', 'P4'],
  ['low', 'medium', 'P4'],
  ['low', 'low', 'P4'],
];

describe('priorityFromMatrix', () => {
  it.each(matrix)('impact %s × urgency %s = %s', (impact, urgency, expected) => {
    expect(priorityFromMatrix(impact, urgency)).toBe(expected);
  });
});

describe('effectivePriority', () => {
  it('uses the matrix when there is no override', () => {
    expect(effectivePriority({ impact: 'high', urgency: 'medium' })).toEqual({ priority: 'P2', overridden: false });
    expect(effectivePriority({ impact: 'low', urgency: 'low', override: null, overrideReason: 'ignored' })).toEqual({
      priority: 'P4',
      overridden: false,
    });
  });

  it('applies an override that has a reason', () => {
    expect(
      effectivePriority({ impact: 'low', urgency: 'low', override: 'P1', overrideReason: 'CEO cannot log in' }),
    ).toEqual({ priority: 'P1', overridden: true });
  });

  it('treats an override equal to the matrix as no override, reason or not', () => {
    expect(effectivePriority({ impact: 'high', urgency: 'low', override: 'P3' })).toEqual({ priority: 'P3', overridden: false });
    expect(effectivePriority({ impact: 'high', urgency: 'low', override: 'P3', overrideReason: 'same' })).toEqual({
      priority: 'P3',
      overridden: false,
    });
  });

  it.each([undefined, null, '', '   \n\t'])('rejects an override with reason %j', (reason) => {
    expect(() => effectivePriority({ impact: 'low', urgency: 'low', override: 'P1', overrideReason: reason })).toThrow(
      'An override needs a reason',
    );
  });
});

describe('priorityRank', () => {
  it('ranks P1 first', () => {
    expect((['P3', 'P1', 'P4', 'P2'] as const).map(priorityRank)).toEqual([3, 1, 4, 2]);
  });
});
