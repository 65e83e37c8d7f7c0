// The knowledge base's offline full-text index. Built once over the cached articles and then kept
// current one article at a time; a keystroke only runs a query. Pure (no React, no Dexie), so it is
// benchmarked and tested on its own.
//
// Ranking is BM25 over four fields with the title boosted well above the body: BM25 saturates term
// frequency, so one title match outweighs any number of body mentions. The word being typed matches as
// a prefix; words of five letters or more forgive a typo. All words must match; when no article has
// them all, articles with most of them come first.
import type { Article } from '../../shared/schemas/entities';
import type { Postings } from './postings';
import { MERGED_LIMIT, MERGED_PREFIX_LENGTH, accumulate, replay, settleWord, snapshot, type Merged } from './scoring';
import { STOP_WORDS, fold, words } from './text-fold';
import { Vocabulary } from './vocabulary';

export type DeskFilter = 'any' | Article['desk'];
export type KbFilters = {
  /** `service`/`help` include articles written for both desks; `both` means only those. */
  desk: DeskFilter;
  language: 'any' | Article['language'];
  /** null: any category. */
  category: string | null;
  state: 'any' | Article['state'];
};

export const DEFAULT_FILTERS: KbFilters = { desk: 'any', language: 'any', category: null, state: 'published' };

/** What a result list shows without reading the article's body. */
export type ArticleSummary = Pick<Article, 'id' | 'title' | 'desk' | 'language' | 'category' | 'state' | 'version' | 'updatedAt'>;

export type ArticleIndex = {
  /** Ranked ids of the articles matching the query and the filters; an empty query lists the newest. */
  search(query: string, filters?: KbFilters, limit?: number): string[];
  /** Adds the article, or replaces the indexed version of it. */
  upsert(article: Article): void;
  upsertMany(articles: readonly Article[]): void;
  remove(id: string): void;
  get(id: string): ArticleSummary | undefined;
  ids(): IterableIterator<string>;
  /** Distinct categories of the indexed articles, sorted. */
  categories(): string[];
  readonly size: number;
};

export const DEFAULT_LIMIT = 50;
const MAX_QUERY_WORDS = 16;

const FIELDS = ['title', 'tags', 'category', 'body'] as const;
type Field = (typeof FIELDS)[number];
const BOOST: Record<Field, number> = { title: 8, tags: 3, category: 2, body: 1 };
const K1 = 1.2;
const B = 0.7;

// Markdown link targets and bare URLs are not words anyone searches for.
const LINK_TARGET = /\]\([^)]*\)/g;
const BARE_URL = /\bhttps?:\/\/\S+/g;

function fieldWords(a: Article): Record<Field, string[]> {
  const keep = (w: string) => !STOP_WORDS.has(w);
  return {
    title: words(a.title).filter(keep),
    tags: words(a.tags.join(' ')).filter(keep),
    category: words(a.category ?? '').filter(keep),
    body: words(a.body.replace(LINK_TARGET, ']').replace(BARE_URL, ' ')).filter(keep),
  };
}

const summaryOf = (a: Article): ArticleSummary => ({
  id: a.id, title: a.title, desk: a.desk, language: a.language, category: a.category, state: a.state, version: a.version, updatedAt: a.updatedAt,
});

/** A small typo allowance that grows with the word: none below 5 letters, 1 up to 8, then 2. */
export function fuzziness(word: string): number {
  if (word.length < 5) return 0;
  return word.length < 9 ? 1 : 2;
}

export function matchesFilters(a: ArticleSummary, f: KbFilters): boolean {
  if (f.state !== 'any' && a.state !== f.state) return false;
  if (f.language !== 'any' && a.language !== f.language) return false;
  if (f.category !== null && a.category !== f.category) return false;
  if (f.desk === 'any') return true;
  if (f.desk === 'both') return a.desk === 'both';
  return a.desk === f.desk || a.desk === 'both';
}

export type QueryWord = { word: string; prefix: boolean };

/**
 * The query's words: each matches whole (with a typo allowance), the last one also as a prefix unless
 * the query ends in a space or punctuation (the agent has finished it). Stop words are dropped, except
 * the word being typed, which may be the start of a longer one ("the" → "theme").
 */
export function parseQuery(query: string): QueryWord[] {
  const all = words(query);
  const typing = all.length > 0 && !/[\s\p{P}]$/u.test(query);
  return all
    .map((word, i) => ({ word, prefix: typing && i === all.length - 1 }))
    .filter((w) => w.prefix || !STOP_WORDS.has(w.word))
    .slice(0, MAX_QUERY_WORDS);
}

type Doc = { summary: ArticleSummary; postings: Postings[]; lengths: Record<Field, number> };

export function createArticleIndex(articles: readonly Article[] = []): ArticleIndex {
  const vocabulary = new Vocabulary();
  const slotOf = new Map<string, number>();
  const docs: (Doc | undefined)[] = [];
  const freeSlots: number[] = [];
  const lengthSum: Record<Field, number> = { title: 0, tags: 0, category: 0, body: 0 };
  // Scratch arrays of the query, one entry per slot, left zeroed after every search.
  let best = new Float64Array(0);
  let total = new Float64Array(0);
  let hits = new Uint8Array(0);
  /** When each slot's article was last updated (ms), the tie-break between equal scores. */
  let recency = new Float64Array(0);
  // Slots a query reached (in all, and for the current word); reused so typing makes no garbage.
  const touched: number[] = [];
  const wordTouched: number[] = [];
  // One- and two-letter prefixes reach thousands of terms; their merged scores are kept until the
  // index changes, so typing the first letters again costs one pass over the articles, not the terms.
  let generation = 0;
  const merged = { generation: 0, byWord: new Map<string, Merged>() };
  /** Articles per category; the sorted list is made again only when a category comes or goes. */
  const categoryCounts = new Map<string, number>();
  let categoryList: string[] | null = null;

  function countCategory(category: string | null, by: 1 | -1): void {
    if (!category) return;
    const n = (categoryCounts.get(category) ?? 0) + by;
    if (n > 0) categoryCounts.set(category, n);
    else categoryCounts.delete(category);
    if (n === 0 || (n === 1 && by === 1)) categoryList = null;
  }

  function removeSlot(id: string): void {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    const doc = docs[slot]!;
    for (const p of doc.postings) p.remove(slot);
    for (const field of FIELDS) lengthSum[field] -= doc.lengths[field];
    countCategory(doc.summary.category, -1);
    docs[slot] = undefined;
    slotOf.delete(id);
    freeSlots.push(slot);
  }

  function addTokens(article: Article, fields: Record<Field, string[]>, average: Record<Field, number>): void {
    const slot = freeSlots.pop() ?? docs.length;
    const weights = new Map<string, number>();
    for (const field of FIELDS) {
      const list = fields[field];
      if (list.length === 0) continue;
      const tf = new Map<string, number>();
      for (const w of list) tf.set(w, (tf.get(w) ?? 0) + 1);
      const norm = K1 * (1 - B + (B * list.length) / average[field]);
      for (const [w, f] of tf) weights.set(w, (weights.get(w) ?? 0) + (BOOST[field] * f * (K1 + 1)) / (f + norm));
    }
    const postings: Postings[] = [];
    for (const [w, weight] of weights) {
      const p = vocabulary.postings(w);
      p.add(slot, weight);
      postings.push(p);
    }
    const lengths = { title: fields.title.length, tags: fields.tags.length, category: fields.category.length, body: fields.body.length };
    docs[slot] = { summary: summaryOf(article), postings, lengths };
    slotOf.set(article.id, slot);
    countCategory(article.category, 1);
  }

  function upsertMany(batch: readonly Article[]): void {
    const latest = [...new Map(batch.map((a) => [a.id, a])).values()];
    for (const a of latest) removeSlot(a.id);
    // Field lengths of the whole batch first, so the first articles are normalized like the last.
    const tokenized = latest.map(fieldWords);
    for (const f of tokenized) for (const field of FIELDS) lengthSum[field] += f[field].length;
    const count = slotOf.size + latest.length;
    const average = Object.fromEntries(FIELDS.map((f) => [f, Math.max(1, lengthSum[f] / Math.max(1, count))])) as Record<Field, number>;
    latest.forEach((a, i) => addTokens(a, tokenized[i]!, average));
    if (best.length < docs.length) {
      const size = Math.max(docs.length, best.length * 2, 64);
      best = new Float64Array(size);
      total = new Float64Array(size);
      hits = new Uint8Array(size);
      const grown = new Float64Array(size);
      grown.set(recency);
      recency = grown;
    }
    for (const a of latest) recency[slotOf.get(a.id)!] = Date.parse(a.updatedAt) || 0;
    generation++;
  }

  function remove(id: string): void {
    if (!slotOf.has(id)) return;
    removeSlot(id);
    generation++;
  }

  // `a` ranks before `b`: higher score, then the newer article, then a stable order.
  function before(a: number, scoreA: number, b: number, scoreB: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    if (recency[a] !== recency[b]) return recency[a]! > recency[b]!;
    return docs[a]!.summary.id < docs[b]!.summary.id;
  }

  function search(query: string, filters: KbFilters = DEFAULT_FILTERS, limit = DEFAULT_LIMIT): string[] {
    if (limit <= 0) return [];
    const qwords = parseQuery(query);
    if (qwords.length === 0) return fold(query).trim() === '' ? listNewest(filters, limit) : [];
    const n = slotOf.size;
    touched.length = 0;
    wordTouched.length = 0;
    if (merged.generation !== generation) {
      merged.byWord.clear();
      merged.generation = generation;
    }
    for (const { word, prefix } of qwords) {
      const known = prefix ? merged.byWord.get(word) : undefined;
      if (known) {
        replay(known, best, wordTouched);
      } else {
        for (const { postings, weight } of vocabulary.expand(word, prefix, fuzziness(word))) {
          const df = postings.length;
          if (df === 0) continue;
          accumulate(postings, weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)), best, wordTouched);
        }
        if (prefix && word.length <= MERGED_PREFIX_LENGTH) {
          if (merged.byWord.size >= MERGED_LIMIT) merged.byWord.clear();
          merged.byWord.set(word, snapshot(wordTouched, best));
        }
      }
      // A query word counts once per article, by its best match.
      settleWord(wordTouched, best, total, hits, touched);
    }
    let ranked = top(touched, filters, limit, qwords.length);
    if (ranked.length === 0 && qwords.length > 1) ranked = top(touched, filters, limit, 0);
    for (const slot of touched) {
      total[slot] = 0;
      hits[slot] = 0;
    }
    return ranked.map((slot) => docs[slot]!.summary.id);
  }

  /** The best `limit` slots with at least `minHits` words matched; with partial matches, more words rank higher. */
  function top(candidates: number[], filters: KbFilters, limit: number, minHits: number): number[] {
    const slots: number[] = [];
    const scores: number[] = [];
    // The score to beat once `limit` results are in; most candidates fall below it at once.
    let threshold = -1;
    for (let c = 0; c < candidates.length; c++) {
      const slot = candidates[c]!;
      if (hits[slot]! < minHits) continue;
      const score = minHits > 0 ? total[slot]! : total[slot]! * hits[slot]!;
      if (score < threshold) continue;
      if (slots.length === limit && !before(slot, score, slots[limit - 1]!, scores[limit - 1]!)) continue;
      if (!matchesFilters(docs[slot]!.summary, filters)) continue;
      let i = Math.min(slots.length, limit - 1);
      while (i > 0 && before(slot, score, slots[i - 1]!, scores[i - 1]!)) {
        slots[i] = slots[i - 1]!;
        scores[i] = scores[i - 1]!;
        i--;
      }
      slots[i] = slot;
      scores[i] = score;
      if (slots.length === limit) threshold = scores[limit - 1]!;
    }
    return slots;
  }

  /**
   * The newest `limit` articles passing the filters: one pass keeping a short sorted list, not a sort
   * of every article, as the index changes after every batch while it fills up during a bootstrap.
   */
  function listNewest(filters: KbFilters, limit: number): string[] {
    if (limit <= 0) return [];
    // The ranking's tie-break at equal scores: the newer article (by its numeric update time), then the id.
    const newer = (a: number, b: number) => before(a, 0, b, 0);
    const top: number[] = [];
    for (let slot = 0; slot < docs.length; slot++) {
      const d = docs[slot];
      if (d === undefined) continue;
      if (top.length === limit && !newer(slot, top[limit - 1]!)) continue;
      if (!matchesFilters(d.summary, filters)) continue;
      let at = top.length;
      while (at > 0 && newer(slot, top[at - 1]!)) at--;
      top.splice(at, 0, slot);
      if (top.length > limit) top.pop();
    }
    return top.map((slot) => docs[slot]!.summary.id);
  }

  upsertMany(articles);

  return {
    search,
    upsert: (article) => upsertMany([article]),
    upsertMany,
    remove,
    get: (id) => {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : docs[slot]!.summary;
    },
    ids: () => slotOf.keys(),
    categories() {
      categoryList ??= [...categoryCounts.keys()].sort((a, b) => a.localeCompare(b));
      return categoryList;
    },
    get size() {
      return slotOf.size;
    },
  };
}
