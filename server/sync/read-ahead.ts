// Read-ahead for bootstraps: a client pulling page after page spends a while taking in each page (parsing
// it, writing it to IndexedDB), and meanwhile the server would sit idle. So after answering a page that
// has more after it, the server prepares the next page for that cursor, and the request that follows gets
// it ready. A prepared page is what the client would have got a moment earlier, which the protocol allows
// (later changes come on later pages); still, every write in this or another server process drops all
// prepared pages, so a client never reads past its own write. Bounded: a few pages, a few seconds each.
export type PreparedPage = { body: Buffer; cursor: string; hasMore: boolean };

export type ReadAhead = {
  /** The page prepared for this key, taken out of the store; undefined when there is none. */
  take(key: string): Promise<PreparedPage> | undefined;
  /** Starts preparing a page for this key, unless the store is full. */
  offer(key: string, load: () => Promise<PreparedPage>): void;
  /** Drops every prepared page (a write happened). */
  clear(): void;
};

export function createReadAhead(options: { capacity?: number; ttlMs?: number; clock?: () => number } = {}): ReadAhead {
  const { capacity = 4, ttlMs = 5_000, clock = Date.now } = options;
  const pages = new Map<string, { page: Promise<PreparedPage>; expires: number }>();
  const prune = () => {
    const now = clock();
    for (const [key, entry] of pages) if (entry.expires <= now) pages.delete(key);
  };
  return {
    take(key) {
      prune();
      const entry = pages.get(key);
      pages.delete(key);
      return entry?.page;
    },
    offer(key, load) {
      prune();
      if (pages.size >= capacity || pages.has(key)) return;
      const page = load();
      page.catch(() => undefined); // a failed read-ahead is only a miss: the request reads again
      pages.set(key, { page, expires: clock() + ttlMs });
    },
    clear: () => pages.clear(),
  };
}
