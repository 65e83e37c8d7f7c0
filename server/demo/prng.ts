// A seeded pseudo-random source for the demo data. Everything the generator makes (ids included) comes
// from here, so the same seed always gives the same data; Math.random and Date.now are never used.

export type Weighted<T> = readonly (readonly [T, number])[];

/** A weighted table with its running totals precomputed, so drawing from it costs one pass and no allocation. */
export type Table<T> = { readonly items: readonly T[]; readonly cumulative: readonly number[]; readonly total: number };

export function table<T>(entries: Weighted<T>): Table<T> {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (!(weight > 0)) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new Error('A weighted table needs a positive weight');
  return { items, cumulative, total };
}

export type Rng = {
  /** A uniform number in [0, 1). */
  next(): number;
  /** A uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A uniform number in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  draw<T>(t: Table<T>): T;
  /** A random RFC 4122 version-4 UUID built from the stream. */
  uuid(): string;
};

// Built from character codes in one go: concatenating hex pieces would leave each id as a tree of
// a dozen small strings (about 400 bytes instead of 60), which at a million ids is felt.
const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));
const DIGIT_AT = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
const chars: number[] = new Array<number>(36).fill(45); // '-' stays at 8, 13, 18 and 23

function put(word: number, first: number): void {
  for (let i = 0, shift = 28; i < 8; i++, shift -= 4) chars[DIGIT_AT[first + i]!] = HEX_CODES[(word >>> shift) & 15]!;
}

/** Formats 128 bits as a version-4, variant-1 UUID (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx). */
export function uuidFromWords(a: number, b: number, c: number, d: number): string {
  put(a, 0);
  put((b & 0xffff0fff) | 0x00004000, 8);
  put((c & 0x3fffffff) | 0x80000000, 16);
  put(d, 24);
  return String.fromCharCode.apply(null, chars);
}

/** FNV-1a over a label, mixed with the seed: independent streams per part of the data set. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: tiny, fast and good enough for fake data (not for anything secret). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => u32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('Cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    draw<T>(t: Table<T>): T {
      const x = next() * t.total;
      const c = t.cumulative;
      let lo = 0;
      let hi = c.length - 1;
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        if (c[m]! > x) hi = m;
        else lo = m + 1;
      }
      return t.items[lo]!;
    },
    uuid: () => uuidFromWords(u32(), u32(), u32(), u32()),
  };
}
