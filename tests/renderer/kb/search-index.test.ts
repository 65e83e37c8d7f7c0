// The knowledge-base index on its own: what an agent typing a search gets back, and in which order.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/schemas/entities';
import { DEFAULT_FILTERS, createArticleIndex, parseQuery, type KbFilters } from '../../../renderer/kb/search-index';
import { generateDemo } from '../../../server/demo/index';
import { FIXTURE_NOW } from '../console-fixture';

let n = 0;
function article(fields: Partial<Article> & Pick<Article, 'title'>): Article {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    body: '',
    desk: 'service',
    language: 'en',
    category: null,
    tags: [],
    state: 'published',
    authorId: null,
    version: 1,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...fields,
  };
}

const titles = (index: ReturnType<typeof createArticleIndex>, ids: string[]) => ids.map((id) => index.get(id)?.title);

describe('the knowledge-base index', () => {
  it('finds "Tiskárna netiskne" first for `tiskarna` among the demo articles', () => {
    const { articles } = generateDemo({ now: FIXTURE_NOW, tickets: 0, articles: 150 });
    const index = createArticleIndex(articles);
    const ids = index.search('tiskarna');
    expect(index.get(ids[0]!)?.title).toBe('Tiskárna netiskne');
    // Every keystroke on the way there already has it among the results.
    for (const typed of ['tis', 'tisk', 'tiska', 'tiskar', 'tiskarn']) expect(titles(index, index.search(typed))).toContain('Tiskárna netiskne');
  });

  it('ranks a title match above articles that only mention the word in their body', () => {
    const bodyOnly = [
      article({ title: 'Network troubleshooting', body: 'If the VPN drops, check the VPN client. VPN VPN VPN: restart the VPN and read the VPN log.' }),
      article({ title: 'Working from home', body: 'Connect to the VPN before opening the intranet.' }),
      article({ title: 'Laptop checklist', body: 'vpn '.repeat(200) }),
    ];
    const inTitle = article({ title: 'VPN keeps disconnecting', body: 'A very long body that is about something else entirely. '.repeat(30) });
    const index = createArticleIndex([...bodyOnly, inTitle]);
    const ids = index.search('vpn');
    expect(ids[0]).toBe(inTitle.id);
    expect(new Set(ids)).toEqual(new Set([inTitle.id, ...bodyOnly.map((a) => a.id)]));
  });

  it('ignores case and Czech diacritics, whichever side has them', () => {
    const printer = article({ title: 'Tiskárna netiskne', language: 'cs' });
    const login = article({ title: 'Přihlášení do zákaznického portálu', language: 'cs', desk: 'help' });
    const plain = article({ title: 'Zadost o pristup bez diakritiky', language: 'cs' });
    const index = createArticleIndex([printer, login, plain]);
    expect(index.search('tiskarna')[0]).toBe(printer.id);
    expect(index.search('TISKÁRNA')[0]).toBe(printer.id);
    expect(index.search('prihlaseni')[0]).toBe(login.id);
    expect(index.search('zákaznického')[0]).toBe(login.id);
    // Diacritics in the query find an article written without them.
    expect(index.search('žádost o přístup')[0]).toBe(plain.id);
    // Text that arrives decomposed (NFD) is folded the same way.
    expect(index.search('Tiska\u0301rna'.normalize('NFD'))[0]).toBe(printer.id);
  });

  it('matches the word being typed as a prefix, and finished words whole', () => {
    const meter = article({ title: 'Submitting a meter reading', desk: 'help' });
    const metering = article({ title: 'Metering faults', desk: 'help' });
    const index = createArticleIndex([meter, metering]);
    expect(index.search('m')).toEqual(expect.arrayContaining([meter.id, metering.id]));
    expect(index.search('mete')).toEqual(expect.arrayContaining([meter.id, metering.id]));
    // The exact word ranks before a longer completion of it.
    expect(index.search('meter')[0]).toBe(meter.id);
    expect(index.search('meter r')).toEqual([meter.id]);
    expect(index.search('meter read')).toEqual([meter.id]);
    // A space ends the word: "meter " no longer completes to "metering".
    expect(parseQuery('meter ')).toEqual([{ word: 'meter', prefix: false }]);
    expect(parseQuery('meter re')).toEqual([{ word: 'meter', prefix: false }, { word: 're', prefix: true }]);
  });

  it('forgives a typo in a longer word but not in a short one', () => {
    const auth = article({ title: 'VPN authentication failed' });
    const vpn = article({ title: 'Guest Wi-Fi' });
    const index = createArticleIndex([auth, vpn]);
    expect(index.search('authentification')).toEqual([auth.id]);
    expect(index.search('autentication')).toEqual([auth.id]);
    expect(index.search('wifu')).toEqual([]);
  });

  it('needs every word when some article has them all, and falls back to any word otherwise', () => {
    const both = article({ title: 'Printer offline on the third floor' });
    const printer = article({ title: 'Printer jam' });
    const scanner = article({ title: 'Scanner offline' });
    const index = createArticleIndex([both, printer, scanner]);
    expect(index.search('printer offline')).toEqual([both.id]);
    // No article has "xyzzy": the one with the most of the other words leads.
    const fallback = index.search('printer offline xyzzy');
    expect(fallback[0]).toBe(both.id);
    expect(new Set(fallback)).toEqual(new Set([both.id, printer.id, scanner.id]));
  });

  it('filters by desk, language, category and state; by default only published articles', () => {
    const a = article({ title: 'Password reset', desk: 'both', language: 'en', category: 'Accounts' });
    const b = article({ title: 'Password policy', desk: 'service', language: 'en', category: 'Policies' });
    const c = article({ title: 'Obnovení hesla (password)', desk: 'help', language: 'cs', category: 'Accounts' });
    const d = article({ title: 'Password expiry draft', desk: 'service', state: 'draft' });
    const e = article({ title: 'Old password rules', desk: 'service', state: 'archived' });
    const index = createArticleIndex([a, b, c, d, e]);
    const find = (filters: Partial<KbFilters>) => new Set(index.search('password', { ...DEFAULT_FILTERS, ...filters }));

    expect(find({})).toEqual(new Set([a.id, b.id, c.id]));
    expect(find({ language: 'cs' })).toEqual(new Set([c.id]));
    // A desk includes the articles written for both desks; "both" means only those.
    expect(find({ desk: 'service' })).toEqual(new Set([a.id, b.id]));
    expect(find({ desk: 'help' })).toEqual(new Set([a.id, c.id]));
    expect(find({ desk: 'both' })).toEqual(new Set([a.id]));
    expect(find({ category: 'Accounts' })).toEqual(new Set([a.id, c.id]));
    expect(find({ state: 'draft' })).toEqual(new Set([d.id]));
    expect(find({ state: 'archived' })).toEqual(new Set([e.id]));
    expect(find({ state: 'any' })).toEqual(new Set([a.id, b.id, c.id, d.id, e.id]));
    expect(index.categories()).toEqual(['Accounts', 'Policies']);
  });

  it('lists the newest articles for an empty query', () => {
    const older = article({ title: 'Older', updatedAt: '2026-01-01T00:00:00.000Z' });
    const newer = article({ title: 'Newer', updatedAt: '2026-06-01T00:00:00.000Z' });
    const draft = article({ title: 'Draft', state: 'draft', updatedAt: '2026-09-01T00:00:00.000Z' });
    const index = createArticleIndex([older, newer, draft]);
    expect(index.search('')).toEqual([newer.id, older.id]);
    expect(index.search('   ')).toEqual([newer.id, older.id]);
  });

  it('lists only the newest ones when there are more than it shows, newest first, ties by id', () => {
    const days = [5, 17, 3, 28, 11, 17, 9, 22, 1, 14, 26, 7, 19, 30, 2];
    const articles = days.map((day, i) => article({ title: `Article ${i}`, updatedAt: `2026-03-${String(day).padStart(2, '0')}T08:00:00.000Z` }));
    const index = createArticleIndex(articles);
    const expected = [...articles]
      .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1))
      .map((a) => a.id);
    expect(index.search('', undefined, 6)).toEqual(expected.slice(0, 6));
    expect(index.search('', undefined, 50)).toEqual(expected);
    expect(index.search('', undefined, 0)).toEqual([]);
  });

  it('follows changes: a new title is found, the old one is not, a removed article is gone', () => {
    const a = article({ title: 'Outlook does not receive mail', category: 'Mail' });
    const index = createArticleIndex([a]);
    expect(index.search('outlook')).toEqual([a.id]);

    index.upsert({ ...a, title: 'Thunderbird does not receive mail', version: 2 });
    expect(index.search('outlook')).toEqual([]);
    expect(index.search('thunderbird')).toEqual([a.id]);
    expect(index.size).toBe(1);

    const b = article({ title: 'Thunderbird profiles' });
    index.upsert(b);
    expect(new Set(index.search('thunderbird'))).toEqual(new Set([a.id, b.id]));

    index.remove(a.id);
    expect(index.search('thunderbird')).toEqual([b.id]);
    expect(index.get(a.id)).toBeUndefined();
    expect(index.categories()).toEqual([]);
  });

  it('lists a category while any article is in it', () => {
    const a = article({ title: 'VPN drops', category: 'Network' });
    const b = article({ title: 'Wi-Fi at the branch', category: 'Network' });
    const c = article({ title: 'Printer jams', category: 'Hardware' });
    const index = createArticleIndex([a, b]);
    expect(index.categories()).toEqual(['Network']);
    index.upsert(c);
    expect(index.categories()).toEqual(['Hardware', 'Network']);
    index.upsert({ ...a, category: 'Access', version: 2 });
    expect(index.categories()).toEqual(['Access', 'Hardware', 'Network']);
    index.remove(b.id);
    expect(index.categories()).toEqual(['Access', 'Hardware']);
    index.upsert({ ...c, category: null, version: 2 });
    expect(index.categories()).toEqual(['Access']);
  });

  it('does not index link targets, and caps the results', () => {
    const linked = article({ title: 'Related pages', body: 'See [the portal](https://portal.example/tiskarny) or https://other.example/tiskarny.' });
    const many = Array.from({ length: 70 }, (_, i) => article({ title: `Toner ${i}` }));
    const index = createArticleIndex([linked, ...many]);
    expect(index.search('tiskarny')).toEqual([]);
    expect(index.search('portal')).toEqual([linked.id]);
    expect(index.search('toner')).toHaveLength(50);
    expect(index.search('toner', DEFAULT_FILTERS, 5)).toHaveLength(5);
  });
});
