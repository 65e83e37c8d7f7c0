// A live read of the cache for views whose cost grows with the outbox (counts, pending lists, queue
// marks). Dexie's live queries re-read after every committed write: a field tech's thousands of offline
// changes, or a replay confirming them, made each of these views read the whole outbox thousands of
// times, and every read held up the next write. This one re-reads at once after a quiet spell, and
// during a burst at most every MIN_GAP_MS or four times its own cost, whichever is longer.
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { observedChange } from './observed-keys';

const MIN_GAP_MS = 250;

export function useThrottledQuery<T>(db: Dexie, tables: readonly string[], read: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [state, setState] = useState<{ value: T } | { error: unknown } | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    let running = false;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastStart = Number.NEGATIVE_INFINITY;
    let lastCost = 0;

    const run = async () => {
      timer = undefined;
      running = true;
      dirty = false;
      lastStart = performance.now();
      try {
        const value = await read();
        if (!stopped) setState({ value });
      } catch (error) {
        if (!stopped) setState({ error });
      } finally {
        lastCost = performance.now() - lastStart;
        running = false;
      }
      if (dirty && !stopped) schedule();
    };
    const schedule = () => {
      if (running) {
        dirty = true; // read again when this read ends: it may have missed the write
        return;
      }
      if (timer !== undefined) return;
      const wait = Math.max(0, lastStart + Math.max(MIN_GAP_MS, 4 * lastCost) - performance.now());
      timer = setTimeout(() => void run(), wait);
    };
    const onMutated = (parts: ObservabilitySet) => {
      if (tables.some((table) => observedChange(parts, db.name, table))) schedule();
    };

    Dexie.on('storagemutated', onMutated);
    void run();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
    // The caller names what the read depends on, as with useLiveQuery.
  }, [db, tables.join(','), ...deps]);

  if (state && 'error' in state) throw state.error;
  return state?.value;
}
