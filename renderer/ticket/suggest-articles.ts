// Knowledge suggestions for a ticket: published articles of its desk (or both desks) ranked by the words
// they share with the ticket's subject and description. Matching ignores case and diacritics, skips
// greeting words, and compares word stems crudely (the first letters), which suits Czech inflection
// ("tiskárna" and "tiskárny" meet). One index serves every ticket pane and is updated incrementally.
import MiniSearch from 'minisearch';
import type { Article } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';

const STEM = 6;
const MIN_LENGTH = 3;
const BODY_CHARS = 4000;
const QUERY_CHARS = 3000;

// Words of greetings and glue that say nothing about the problem, folded (no diacritics).
const STOP = new Set([
  'the', 'and', 'for', 'with', 'that', 'this', 'from', 'have', 'has', 'not', 'are', 'was', 'you', 'your', 'our', 'can',
  'please', 'hello', 'thanks', 'thank', 'regards', 'dear', 'since', 'when', 'what', 'how', 'does', 'but',
  'dobry', 'den', 'pozdravem', 'dekuji', 'diky', 'prosim', 'jsem', 'jsme', 'mam', 'mame', 'neni', 'nebo', 'ale',
  'pro', 'pri', 'jak', 'jako', 'kdyz', 'uz', 'jiz', 'tak', 'take', 'ktery', 'ktera', 'ktere', 'bych', 'byl',
  'byla', 'bylo', 'mi', 'me', 'mne', 'nam', 'vam', 'ten', 'tato', 'tento', 'toto', 'od', 'do', 'po', 'na', 've', 'se',
]);

export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word as both the index and the query see it, or null for a word not worth matching. */
export function matchTerm(word: string): string | null {
  const folded = foldWord(word);
  if (folded.length < MIN_LENGTH || STOP.has(folded) || /^\d+$/.test(folded)) return null;
  return folded.slice(0, STEM);
}

type Doc = { id: string; title: string; body: string; tags: string; desk: Article['desk']; state: Article['state'] };

function createIndex() {
  return new MiniSearch<Doc>({
    fields: ['title', 'tags', 'body'],
    storeFields: ['desk', 'state'],
    processTerm: (term) => matchTerm(term),
  });
}

// Discarded documents are vacuumed by MiniSearch itself (auto-vacuum).
const index = createIndex();
/** What the index holds per article, to re-index only the ones that changed. */
const signatures = new Map<string, string>();

const signature = (a: Article) => `${a.version}|${a.updatedAt}|${a.state}|${a.desk}`;

function toDoc(a: Article): Doc {
  return { id: a.id, title: a.title, body: a.body.slice(0, BODY_CHARS), tags: a.tags.join(' '), desk: a.desk, state: a.state };
}

/** Brings the shared index in line with the cached articles. */
function syncIndex(articles: readonly Article[]): void {
  const seen = new Set<string>();
  for (const a of articles) {
    seen.add(a.id);
    const sig = signature(a);
    const had = signatures.get(a.id);
    if (had === sig) continue;
    if (had !== undefined) index.discard(a.id);
    index.add(toDoc(a));
    signatures.set(a.id, sig);
  }
  for (const id of [...signatures.keys()]) {
    if (seen.has(id)) continue;
    index.discard(id);
    signatures.delete(id);
  }
}

export type Suggestion = { article: Article; score: number };

export function suggestArticles(
  articles: readonly Article[],
  ticket: Pick<Ticket, 'desk' | 'subject' | 'description'>,
  limit = 5,
): Suggestion[] {
  syncIndex(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const query = `${ticket.subject} ${ticket.subject} ${ticket.description.slice(0, QUERY_CHARS)}`;
  const results = index.search(query, {
    combineWith: 'OR',
    boost: { title: 3, tags: 2 },
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
