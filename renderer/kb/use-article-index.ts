// One live article index per cache, shared by every component that searches the knowledge base. It
// outlives a collapsed pane for a while, so reopening the pane does not index 10,000 articles again.
import { useEffect, useMemo } from 'react';
import { useConsole } from '../app/console-context';
import type { CacheDb } from '../db/cache-db';
import { useTransitionStore } from '../lib/use-transition-store';
import { createLiveArticleIndex, type LiveArticleIndex, type LiveIndexState } from './live-index';
import type { ArticleIndex } from './search-index';

const KEEP_ALIVE_MS = 10 * 60_000;

type Entry = { live: LiveArticleIndex; users: number; timer: ReturnType<typeof setTimeout> | null };
const shared = new Map<CacheDb, Entry>();

function closeLater(db: CacheDb, entry: Entry): void {
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.users > 0) return;
    entry.live.close();
    shared.delete(db);
  }, KEEP_ALIVE_MS);
}

/** The cache's live index, made on first use. */
export function liveIndexFor(db: CacheDb): LiveArticleIndex {
  let entry = shared.get(db);
  if (!entry) {
    entry = { live: createLiveArticleIndex(db), users: 0, timer: null };
    shared.set(db, entry);
    // Closed again if no component ever holds it (a render React threw away).
    closeLater(db, entry);
  }
  return entry.live;
}

function hold(db: CacheDb): () => void {
  liveIndexFor(db);
  const entry = shared.get(db)!;
  entry.users++;
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = null;
  return () => {
    entry.users--;
    if (entry.users === 0) closeLater(db, entry);
  };
}

export function useArticleIndex(): { index: ArticleIndex; state: LiveIndexState; live: LiveArticleIndex } {
  const { db } = useConsole();
  const live = useMemo(() => liveIndexFor(db), [db]);
  useEffect(() => hold(db), [db]);
  // The index filling renders as a transition (lib/use-transition-store.ts says why).
  const state = useTransitionStore(live.subscribe, live.getState);
  return { index: live.index, state, live };
}
