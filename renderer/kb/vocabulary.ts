// Every folded term of the indexed articles with its postings, and the ways a query word reaches them:
// the word itself, its completions (the word being typed) and its near misses (a typo). Expansions are
// remembered between keystrokes, so the words already typed cost nothing the next time round.
import { boundedDistance } from './edit-distance';
import { Postings } from './postings';

export type Expansion = { postings: Postings; weight: number };

// How much a match counts relative to an exact one.
const prefixWeight = (typed: string, term: string) => 0.5 + 0.4 * (typed.length / term.length);
const fuzzyWeight = (distance: number) => (distance === 1 ? 0.45 : 0.3);

const CACHE_LIMIT = 512;

export class Vocabulary {
  private readonly entries = new Map<string, Postings>();
  /** All terms in code-unit order, so the completions of a prefix are one contiguous run. */
  private sorted: string[] = [];
  /** Terms added since `sorted` was last brought up to date. */
  private pending: string[] = [];
  /** Terms by length: a typo scan looks only at lengths within its distance. */
  private readonly byLength: string[][] = [];
  private readonly cache = new Map<string, Expansion[]>();

  get termCount(): number {
    return this.entries.size;
  }

  postings(term: string): Postings {
    let postings = this.entries.get(term);
    if (!postings) {
      postings = new Postings();
      this.entries.set(term, postings);
      this.pending.push(term);
      (this.byLength[term.length] ??= []).push(term);
    }
    return postings;
  }

  /** The postings a query word reaches, each with the weight its kind of match carries. */
  expand(word: string, prefix: boolean, maxDistance: number): Expansion[] {
    this.settle();
    const key = `${prefix ? 'p' : 'w'}${maxDistance}:${word}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const out: Expansion[] = [];
    const exact = this.entries.get(word);
    if (exact) out.push({ postings: exact, weight: 1 });
    if (prefix) {
      for (let i = this.lowerBound(word); i < this.sorted.length; i++) {
        const term = this.sorted[i]!;
        if (!term.startsWith(word)) break;
        if (term !== word) out.push({ postings: this.entries.get(term)!, weight: prefixWeight(word, term) });
      }
    }
    if (maxDistance > 0) {
      for (let len = Math.max(1, word.length - maxDistance); len <= word.length + maxDistance; len++) {
        for (const term of this.byLength[len] ?? []) {
          if (term === word || (prefix && term.startsWith(word))) continue;
          const distance = boundedDistance(word, term, maxDistance);
          if (distance > 0) out.push({ postings: this.entries.get(term)!, weight: fuzzyWeight(distance) });
        }
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  /** Brings new terms into the sorted list (a merge, so a single new article costs little). */
  private settle(): void {
    if (this.pending.length === 0) return;
    const added = this.pending.sort();
    this.pending = [];
    const merged: string[] = new Array(this.sorted.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < added.length) merged[k++] = this.sorted[i]! < added[j]! ? this.sorted[i++]! : added[j++]!;
    while (i < this.sorted.length) merged[k++] = this.sorted[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    this.sorted = merged;
    // A new term may be a completion or a near miss of a remembered word.
    this.cache.clear();
  }

  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
