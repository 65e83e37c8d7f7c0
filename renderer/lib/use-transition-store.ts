// An external store whose changes are not urgent (a queue's rows arriving from the cache, the article
// index filling): each change renders as a transition, which React works through in slices of a few
// milliseconds, giving the window back between them, and starts over when a newer change comes. Read
// with useSyncExternalStore instead, every change renders in one task that nothing can interrupt: the
// first rows of a queue, mounted while a bootstrap kept both cores busy, were such a task of 50-110 ms.
import { startTransition, useEffect, useState } from 'react';

type Seen<T> = { getSnapshot: () => T; value: T };

/** The store's snapshot as last rendered; `subscribe` null: no store yet (the snapshot of `getSnapshot` stands). */
export function useTransitionStore<T>(subscribe: ((listener: () => void) => () => void) | null, getSnapshot: () => T): T {
  const [seen, setSeen] = useState<Seen<T>>(() => ({ getSnapshot, value: getSnapshot() }));
  useEffect(() => {
    if (!subscribe) return;
    const update = () => {
      const value = getSnapshot();
      startTransition(() => setSeen((last) => (last.getSnapshot === getSnapshot && last.value === value ? last : { getSnapshot, value })));
    };
    const unsubscribe = subscribe(update);
    update(); // a change between the render and the subscription
    return unsubscribe;
  }, [subscribe, getSnapshot]);
  // Another store (a desk switched): its snapshot now, not the last store's until the effect runs.
  return seen.getSnapshot === getSnapshot ? seen.value : getSnapshot();
}
