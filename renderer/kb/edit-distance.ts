// Levenshtein distance with a ceiling: stops as soon as the distance must exceed `max`, which is what
// keeps a typo-tolerant scan over the whole vocabulary cheap.

const MAX_LENGTH = 64;
let previous = new Uint8Array(MAX_LENGTH + 1);
let current = new Uint8Array(MAX_LENGTH + 1);

/** The distance between a and b when it is at most `max`, otherwise -1. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return -1;
  if (a.length > MAX_LENGTH || b.length > MAX_LENGTH) return a === b ? 0 : -1;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return -1;
    [previous, current] = [current, previous];
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : -1;
}
