// What the console shows about sync: one small value the engine publishes after every step.
export type SyncState = 'offline' | 'bootstrapping' | 'syncing' | 'idle' | 'error';

export type SyncStatus = {
  state: SyncState;
  /** Bootstrap progress: rows written so far and the estimated total (from the server's `remaining`). */
  progress: { done: number; total: number } | null;
  bootstrapped: boolean;
  lastSyncAt: string | null;
  pending: number;
  conflicts: number;
  attention: number;
  lastError: { code: string; message: string } | null;
};

export const INITIAL_STATUS: SyncStatus = {
  state: 'idle',
  progress: null,
  bootstrapped: false,
  lastSyncAt: null,
  pending: 0,
  conflicts: 0,
  attention: 0,
  lastError: null,
};
