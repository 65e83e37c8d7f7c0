// The live index follows the cache: changes made through the outbox, bulk writes of a sync page and
// deletions all reach the search without rebuilding it.
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveArticleIndex, type LiveArticleIndex } from '../../../renderer/kb/live-index';
import { observedChange } from '../../../renderer/lib/observed-keys';
import { DEFAULT_FILTERS } from '../../../renderer/kb/search-index';
import { makeConsole } from '../console-fixture';

const anyState = { ...DEFAULT_FILTERS, state: 'any' as const };
let live: LiveArticleIndex | null = null;
afterEach(() => live?.close());

describe('the live article index', () => {
  it('indexes the cache in pages and reports its progress', async () => {
    const { db, demo } = await makeConsole({ articles: 40 });
    const states: boolean[] = [];
    live = createLiveArticleIndex(db, { pageSize: 7, publishEveryMs: 0 });
    live.subscribe(() => states.push(live!.getState().ready));
    await live.settled();
    expect(live.getState()).toMatchObject({ ready: true, indexed: 40, total: 40 });
    expect(live.index.size).toBe(demo.articles.length);
    // Several pages were published before the index was complete.
    expect(states.filter((r) => !r).length).toBeGreaterThan(3);
    expect(live.index.get(live.index.search('tiskarna')[0]!)?.title).toBe('Tiskárna netiskne');
  });

  it('publishes its progress a few times a second, not after every page: the pane searches again on each', async () => {
    const { db } = await makeConsole({ articles: 40 });
    let publications = 0;
    live = createLiveArticleIndex(db, { pageSize: 7, publishEveryMs: 60_000 });
    live.subscribe(() => publications++);
    await live.settled();
    expect(live.getState()).toMatchObject({ ready: true, indexed: 40 });
    // The count at the start, and the finished index: not one per page of seven.
    expect(publications).toBeLessThanOrEqual(2);
  });

  it('finds an article saved through the outbox, and its new title after an edit', async () => {
    const { db, services } = await makeConsole();
    live = createLiveArticleIndex(db);
    await live.settled();
    const before = live.getState().revision;

    const id = services.newId();
    await services.change('article.save', { id, baseVersion: null, title: 'Kalibrace čtečky čárových kódů', body: 'Postup kalibrace.', desk: 'service', language: 'cs' });
    await live.settled();
    expect(live.getState().revision).toBeGreaterThan(before);
    expect(live.index.search('ctecky', anyState)).toEqual([id]);
    // A new article is a draft: not among the published ones.
    expect(live.index.search('ctecky')).toEqual([]);

    await services.change('article.save', { id, baseVersion: 1, title: 'Kalibrace skeneru', body: 'Postup kalibrace.', desk: 'service', language: 'cs' });
    await live.settled();
    expect(live.index.search('ctecky', anyState)).toEqual([]);
    expect(live.index.search('skener', anyState)).toEqual([id]);
  });

  it('follows a state change, a bulk write of a sync page and a deletion', async () => {
    const { db, demo, services } = await makeConsole({ email: 'supervisor@example.com' });
    live = createLiveArticleIndex(db);
    await live.settled();
    const printer = demo.articles.find((a) => a.title === 'Tiskárna netiskne')!;

    await services.change('article.setState', { id: printer.id, state: 'archived' });
    await live.settled();
    expect(live.index.search('tiskarna netiskne')).not.toContain(printer.id);
    expect(live.index.search('tiskarna netiskne', { ...DEFAULT_FILTERS, state: 'archived' })).toEqual([printer.id]);

    // 60 rows in one bulkPut name no keys (Dexie reports a range): the index rescans and catches up.
    const page = demo.articles.slice(0, 60).map((a, i) => ({ ...a, title: `Bulk title ${i} hromadny`, version: a.version + 10 }));
    const extra = Array.from({ length: 60 }, (_, i) => ({ ...demo.articles[0]!, id: services.newId(), title: `Nový článek ${i} hromadny` }));
    await db.articles.bulkPut([...page.slice(0, 40), ...extra]);
    await live.settled();
    expect(live.index.size).toBe(40 + 60);
    expect(live.index.search('hromadny', anyState, 500)).toHaveLength(100);

    await db.articles.delete(extra[0]!.id);
    await db.articles.where('id').anyOf(extra.slice(1, 11).map((a) => a.id)).delete();
    await live.settled();
    expect(live.index.size).toBe(40 + 60 - 11);
    expect(live.index.get(extra[0]!.id)).toBeUndefined();
  });

  it('reads which keys a change names', () => {
    // The index reads Dexie's notices through the helper every live view shares (renderer/lib).
    const articles = (tree: unknown, part = 'idb://kb/articles/') => observedChange({ [part]: tree } as never, 'kb', 'articles');
    expect(observedChange({} as never, 'kb', 'articles')).toBeNull();
    expect(articles({ from: 'a', to: 'a', d: 1 }, 'idb://kb/tickets/')).toBeNull();
    expect(articles({ d: 0 })).toEqual({ all: false, keys: [] });
    const two = articles({ from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null });
    expect(two?.all === false && [...two.keys].sort()).toEqual(['a', 'b']);
    expect(articles({ from: 'x', to: 'x', d: 1 }, 'idb://kb/articles/:dels')).toEqual({ all: false, keys: ['x'] });
    expect(articles({ from: 'a', to: 'c', d: 1 })).toEqual({ all: true });
    expect(articles({ from: -Infinity, to: [[]], d: 1 })).toEqual({ all: true });
    expect(observedChange({ all: { from: -Infinity, to: [[]], d: 1 } } as never, 'kb', 'articles')).toEqual({ all: true });
  });
});
