// Knowledge suggestions for a ticket: published articles of its desk (or both desks) ranked by the words
// they share with the ticket's subject and description. Matching ignores case and diacritics, skips
// greeting words, and compares word stems crudely (the first letters), which suits Czech inflection
// ("tiskárna" and "tiskárny" meet). One index serves every ticket pane; it is filled in small chunks
// that yield to the UI (thousands of cached articles must not freeze the pane) and then updated
// incrementally as articles change.
import MiniSearch from 'minisearch';
import type { Article } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';

const STEM = 6;
const MIN_LENGTH = 3;
/** The title, the tags and the opening of the body say what an article is about. */
const BODY_CHARS = 1000;
const MAX_QUERY_TERMS = 40;
const CHUNK = 250;

// Words of greetings and glue that say nothing about the problem, folded (no diacritics).
const STOP = new Set([
  'the', 'and', 'for', 'with', 'that', 'this', 'from', 'have', 'has', 'not', 'are', 'was', 'you', 'your', 'our', 'can',
  'please', 'hello', 'thanks', 'thank', 'regards', 'dear', 'since', 'when', 'what', 'how', 'does', 'but',
  'dobry', 'den', 'pozdravem', 'dekuji', 'diky', 'prosim', 'jsem', 'jsme', 'mam', 'mame', 'neni', 'nebo', 'ale',
  'pro', 'pri', 'jak', 'jako', 'kdyz', 'jiz', 'tak', 'take', 'ktery', 'ktera', 'ktere', 'bych', 'byl',
  'byla', 'bylo', 'mne', 'nam', 'vam', 'ten', 'tato', 'tento', 'toto',
]);

export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Articles repeat their vocabulary, and folding (Unicode normalisation) is the costly part of indexing.
const terms = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 100_000;

/** A word as both the index and the query see it, or null for a word not worth matching. */
export function matchTerm(word: string): string | null {
  const known = terms.get(word);
  if (known !== undefined) return known;
  const folded = foldWord(word);
  const term = folded.length < MIN_LENGTH || STOP.has(folded) || /^\d+$/.test(folded) ? null : folded.slice(0, STEM);
  if (terms.size >= TERM_CACHE_LIMIT) terms.clear();
  terms.set(word, term);
  return term;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The ticket's distinct terms, subject first, at most MAX_QUERY_TERMS of them. */
export function queryTerms(subject: string, description: string): { terms: string[]; fromSubject: number } {
  const out: string[] = [];
  const seen = new Set<string>();
  let fromSubject = 0;
  for (const [text, isSubject] of [[subject, true], [description, false]] as const) {
    for (const word of text.match(WORD) ?? []) {
      const term = matchTerm(word);
      if (!term || seen.has(term)) continue;
      seen.add(term);
      out.push(term);
      if (isSubject) fromSubject++;
      if (out.length === MAX_QUERY_TERMS) return { terms: out, fromSubject };
    }
  }
  return { terms: out, fromSubject };
}

type Doc = { id: string; title: string; body: string; tags: string; desk: Article['desk']; state: Article['state'] };

const signature = (a: Article) => `${a.version}|${a.updatedAt}|${a.state}|${a.desk}`;

export type Suggestion = { article: Article; score: number };

export class ArticleIndex {
  private readonly index = new MiniSearch<Doc>({
    fields: ['title', 'tags', 'body'],
    storeFields: ['desk', 'state'],
    processTerm: (term) => matchTerm(term),
  });
  /** What the index holds per article, to re-index only the ones that changed. */
  private readonly signatures = new Map<string, string>();

  /**
   * Indexes up to `budget` new or changed articles. Returns true once the index matches `articles`
   * (and then also forgets articles no longer there).
   */
  update(articles: readonly Article[], budget = Infinity): boolean {
    let used = 0;
    for (const a of articles) {
      const sig = signature(a);
      const had = this.signatures.get(a.id);
      if (had === sig) continue;
      if (used >= budget) return false;
      if (had !== undefined) this.index.discard(a.id);
      this.index.add({ id: a.id, title: a.title, body: a.body.slice(0, BODY_CHARS), tags: a.tags.join(' '), desk: a.desk, state: a.state });
      this.signatures.set(a.id, sig);
      used++;
    }
    if (this.signatures.size > articles.length || used > 0) {
      const present = new Set(articles.map((a) => a.id));
      for (const id of [...this.signatures.keys()]) {
        if (present.has(id)) continue;
        this.index.discard(id);
        this.signatures.delete(id);
      }
    }
    return true;
  }

  search(articles: readonly Article[], ticket: Pick<Ticket, 'desk' | 'subject' | 'description'>, limit: number): Suggestion[] {
    const { terms, fromSubject } = queryTerms(ticket.subject, ticket.description);
    if (terms.length === 0) return [];
    const byId = new Map(articles.map((a) => [a.id, a]));
    const results = this.index.search(terms.join(' '), {
      combineWith: 'OR',
      boost: { title: 3, tags: 2 },
      // The subject says what the ticket is about; the description adds detail (and noise).
      boostTerm: (_term, i) => (i < fromSubject ? 2 : 1),
      filter: (r) => r.state === 'published' && (r.desk === ticket.desk || r.desk === 'both'),
    });
    const out: Suggestion[] = [];
    for (const r of results) {
      const article = byId.get(r.id as string);
      if (article) out.push({ article, score: r.score });
      if (out.length === limit) break;
    }
    return out;
  }
}

const shared = new ArticleIndex();

/** Suggestions at once (indexing whatever is missing in one go). */
export function suggestArticles(articles: readonly Article[], ticket: Pick<Ticket, 'desk' | 'subject' | 'description'>, limit = 5): Suggestion[] {
  shared.update(articles);
  return shared.search(articles, ticket, limit);
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Suggestions after indexing in chunks that yield to the UI; null if cancelled meanwhile. */
export async function suggestArticlesInChunks(
  articles: readonly Article[],
  ticket: Pick<Ticket, 'desk' | 'subject' | 'description'>,
  limit: number,
  cancelled: () => boolean,
): Promise<Suggestion[] | null> {
  while (!shared.update(articles, CHUNK)) {
    await yieldToUi();
    if (cancelled()) return null;
  }
  return cancelled() ? null : shared.search(articles, ticket, limit);
}

/** The first paragraph of an article's text (headings skipped), for "insert excerpt". */
export function firstParagraph(body: string): string {
  for (const block of body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (text && !/^#{1,6}\s/.test(text)) return text;
  }
  return '';
}

export function articleLink(article: Pick<Article, 'id' | 'title'>): string {
  const title = article.title.replace(/([[\]\\])/g, '\\$1');
  return `[${title}](kb:${article.id})`;
}
