// Keeps an article index in step with the cache. The first build reads the articles page by page and
// indexes each page between yields, so 10,000 articles never freeze the window. After that only changed
// articles are re-indexed: Dexie's `storagemutated` event names the keys written in this window and in
// other windows and workers (the sync worker's pulls). Large writes and range deletes name no keys;
// they bring a rescan that compares each row's fingerprint and re-indexes only what differs.
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Article } from '../../shared/schemas/entities';
import type { CacheDb } from '../db/cache-db';
import { observedChange } from '../lib/observed-keys';
import { createArticleIndex, type ArticleIndex } from './search-index';

export type LiveIndexState = {
  /** Grows with every change the index takes in; results depend on it. */
  revision: number;
  /** The first full read has finished: results cover the whole cache. */
  ready: boolean;
  indexed: number;
  /** Articles in the cache when the first read began (for a progress figure). */
  total: number;
};

export type LiveArticleIndex = {
  readonly index: ArticleIndex;
  getState(): LiveIndexState;
  subscribe(listener: () => void): () => void;
  /** Resolves once every change seen so far is in the index. */
  settled(): Promise<void>;
  close(): void;
};

export type LiveIndexOptions = {
  /** Rows read from the cache at a time. */
  pageSize?: number;
  /** Lets the window paint and handle input between pages. */
  yieldToMain?: () => Promise<void>;
  /** Coalesces bursts of bulk writes (a bootstrap's pages) into one rescan. */
  rescanDelayMs?: number;
  /** Least time between two progress publications while indexing (the pane searches again on each). */
  publishEveryMs?: number;
};

const fingerprint = (a: Article) => `${a.version}|${a.updatedAt}|${a.state}|${a.title.length}|${a.body.length}`;

// Indexing runs in batches and gives the window back after half a frame's worth of work: it runs
// during a bootstrap, while the sync worker and the disk keep the other cores busy.
// A batch is a few articles: one long article takes milliseconds to tokenize.
const BATCH = 4;
const SLICE_MS = 6;
const PUBLISH_EVERY_MS = 250;

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createLiveArticleIndex(db: CacheDb, options: LiveIndexOptions = {}): LiveArticleIndex {
  const pageSize = options.pageSize ?? 200;
  const yieldToMain = options.yieldToMain ?? defaultYield;
  const rescanDelayMs = options.rescanDelayMs ?? 150;
  const publishEveryMs = options.publishEveryMs ?? PUBLISH_EVERY_MS;
  const index = createArticleIndex();
  const prints = new Map<string, string>();
  const listeners = new Set<() => void>();
  let state: LiveIndexState = { revision: 0, ready: false, indexed: 0, total: 0 };
  let closed = false;

  let rescanWanted = true;
  const pendingKeys = new Set<string>();
  let running: Promise<void> | null = null;
  let rescanTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last pass failed; it is retried on the next reported change, not in a loop. */
  let failed = false;

  let lastPublished = 0;
  let notifying: ReturnType<typeof setTimeout> | null = null;
  function publish(patch: Partial<LiveIndexState>): void {
    lastPublished = performance.now();
    state = { ...state, ...patch, revision: state.revision + 1, indexed: index.size };
    // Listeners hear of it in a task of its own: the pane searches and renders again on each notice,
    // and that must not lengthen the indexing slice that published it.
    notifying ??= setTimeout(() => {
      notifying = null;
      for (const l of listeners) l();
    }, 0);
  }

  /**
   * Progress while indexing, a few times a second at most: the pane answers its query again and
   * renders on every publication. False when it was too soon.
   */
  function publishProgress(): boolean {
    if (performance.now() - lastPublished < publishEveryMs) return false;
    publish({});
    return true;
  }

  /** Indexes the rows that differ from what the index holds, yielding whenever a slice runs long. */
  async function take(rows: readonly Article[]): Promise<number> {
    const changed = rows.filter((a) => prints.get(a.id) !== fingerprint(a));
    let sliceStart = performance.now();
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH);
      index.upsertMany(batch);
      for (const a of batch) prints.set(a.id, fingerprint(a));
      if (i + BATCH < changed.length && performance.now() - sliceStart > SLICE_MS) {
        publishProgress();
        await yieldToMain();
        if (closed) break;
        sliceStart = performance.now();
      }
    }
    return changed.length;
  }

  function drop(id: string): boolean {
    if (!prints.has(id)) return false;
    prints.delete(id);
    index.remove(id);
    return true;
  }

  async function rescan(): Promise<void> {
    if (!state.ready) publish({ total: await db.articles.count() });
    const seen = new Set<string>();
    let after: string | null = null;
    let unpublished = false;
    for (;;) {
      const page: Article[] = await (after === null ? db.articles.orderBy(':id') : db.articles.where(':id').above(after)).limit(pageSize).toArray();
      if (closed) return;
      for (const a of page) seen.add(a.id);
      unpublished = (await take(page)) > 0 || unpublished || !state.ready;
      if (unpublished && publishProgress()) unpublished = false;
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.id;
      await yieldToMain();
      if (closed) return;
    }
    let removed = false;
    for (const id of [...prints.keys()]) if (!seen.has(id)) removed = drop(id) || removed;
    if (removed || unpublished || !state.ready) publish({ ready: true });
  }

  async function refresh(keys: string[]): Promise<void> {
    const rows = await db.articles.bulkGet(keys);
    if (closed) return;
    let changed = (await take(rows.filter((a): a is Article => a !== undefined))) > 0;
    keys.forEach((id, i) => {
      if (rows[i] === undefined) changed = drop(id) || changed;
    });
    if (changed) publish({});
  }

  function work(): Promise<void> {
    running ??= (async () => {
      failed = false;
      try {
        while (!closed && (rescanWanted || pendingKeys.size > 0)) {
          if (rescanWanted) {
            rescanWanted = false;
            pendingKeys.clear();
            await rescan();
          } else {
            const keys = [...pendingKeys];
            pendingKeys.clear();
            await refresh(keys);
          }
        }
      } catch (error) {
        // The cache is closing or failing: the next change it reports starts over with a rescan.
        console.error('The knowledge-base index could not read the cache', error);
        failed = true;
        rescanWanted = true;
        pendingKeys.clear();
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function onMutated(parts: ObservabilitySet): void {
    const change = observedChange(parts, db.name, 'articles');
    if (!change) return;
    if (change.all) {
      rescanWanted = true;
      // Bulk writes come in bursts; wait for a pause, unless the first build is still to come.
      if (rescanTimer === null) {
        rescanTimer = setTimeout(() => {
          rescanTimer = null;
          void work();
        }, state.ready ? rescanDelayMs : 0);
      }
      return;
    }
    for (const k of change.keys) pendingKeys.add(k);
    void work();
  }

  Dexie.on.storagemutated.subscribe(onMutated);
  void work();

  return {
    index,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async settled() {
      for (;;) {
        if (rescanTimer !== null) {
          clearTimeout(rescanTimer);
          rescanTimer = null;
        }
        await work();
        if (closed || failed || (!rescanWanted && pendingKeys.size === 0)) return;
      }
    },
    close() {
      closed = true;
      if (rescanTimer !== null) clearTimeout(rescanTimer);
      if (notifying !== null) clearTimeout(notifying);
      Dexie.on.storagemutated.unsubscribe(onMutated);
      listeners.clear();
    },
  };
}
