// The inner loops of a query, kept apart and small so the engine optimizes them: each query word's
// best score per article slot, added to the totals once per word.
import type { Postings } from './postings';

/** Keeps each slot's best score for one query word; `touched` collects the slots seen first here. */
export function accumulate(postings: Postings, factor: number, best: Float64Array, touched: number[]): void {
  const { slots, weights, length } = postings;
  for (let k = 0; k < length; k++) {
    const slot = slots[k]!;
    const score = weights[k]! * factor;
    const was = best[slot]!;
    if (was === 0) touched.push(slot);
    if (score > was) best[slot] = score;
  }
}

/** Adds one query word's best scores to the totals and clears them for the next word. */
export function settleWord(wordTouched: number[], best: Float64Array, total: Float64Array, hits: Uint8Array, touched: number[]): void {
  for (let i = 0; i < wordTouched.length; i++) {
    const slot = wordTouched[i]!;
    if (hits[slot] === 0) touched.push(slot);
    hits[slot] = hits[slot]! + 1;
    total[slot] = total[slot]! + best[slot]!;
    best[slot] = 0;
  }
  wordTouched.length = 0;
}

/** One query word's best score per article, computed once. */
export type Merged = { slots: Int32Array; scores: Float64Array };
export const MERGED_PREFIX_LENGTH = 2;
export const MERGED_LIMIT = 64;

export function snapshot(wordTouched: number[], best: Float64Array): Merged {
  const slots = new Int32Array(wordTouched.length);
  const scores = new Float64Array(wordTouched.length);
  for (let i = 0; i < wordTouched.length; i++) {
    const slot = wordTouched[i]!;
    slots[i] = slot;
    scores[i] = best[slot]!;
  }
  return { slots, scores };
}

export function replay(m: Merged, best: Float64Array, touched: number[]): void {
  const { slots, scores } = m;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    best[slot] = scores[i]!;
    touched.push(slot);
  }
}
