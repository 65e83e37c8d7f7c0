// Asks the sync client for a round and waits until it has visibly ended: a new successful sync
// (lastSyncAt moved), or the engine reports it cannot (offline, error). A timeout bounds the wait, so a
// silent engine never leaves "Prepare for offline" spinning; the check that follows says what is there.
import type { SyncStatus } from '../sync/status';

type StatusStore = { getState(): SyncStatus; subscribe(listener: (state: SyncStatus) => void): () => void };

export function syncRound(store: StatusStore, request: () => void, timeoutMs = 30_000): Promise<'synced' | 'failed' | 'timeout'> {
  const before = store.getState().lastSyncAt;
  return new Promise((resolve) => {
    // Both are read only after they are set: by the listener or the timer, never synchronously.
    const finish = (outcome: 'synced' | 'failed' | 'timeout') => {
      clearTimeout(timer);
      unsubscribe();
      resolve(outcome);
    };
    const unsubscribe = store.subscribe((state) => {
      if (state.lastSyncAt !== before && state.lastSyncAt !== null) finish('synced');
      else if (state.state === 'offline' || state.state === 'error') finish('failed');
    });
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    try {
      request();
    } catch (error) {
      console.error('Requesting a sync failed', error);
      finish('failed');
    }
  });
}
