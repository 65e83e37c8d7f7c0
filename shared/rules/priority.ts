// ITIL priority: impact × urgency decides, and an agent may override only by stating why,
// so that every deviation from the matrix is explained in the audit history.

export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

const MATRIX: Record<Level, Record<Level, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function priorityFromMatrix(impact: Level, urgency: Level): Priority {
  return MATRIX[impact][urgency];
}

export function effectivePriority(input: {
  impact: Level;
  urgency: Level;
  override?: Priority | null;
  overrideReason?: string | null;
}): { priority: Priority; overridden: boolean } {
  const matrix = priorityFromMatrix(input.impact, input.urgency);
  // Restating the matrix priority is not an override, so it needs no reason and records none.
  if (input.override == null || input.override === matrix) return { priority: matrix, overridden: false };
  // Callers validate before this point; reaching here without a reason is a programming error.
  if (!input.overrideReason?.trim()) throw new Error('An override needs a reason');
  return { priority: input.override, overridden: true };
}

export function priorityRank(p: Priority): number {
  return PRIORITIES.indexOf(p) + 1;
}
