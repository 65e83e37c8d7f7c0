// The sync status as the UI sees it (zustand), fed by the leader's worker over a BroadcastChannel.
import { create } from 'zustand';
import { INITIAL_STATUS, type SyncStatus } from './status';

export const useSyncStatus = create<SyncStatus>(() => ({ ...INITIAL_STATUS }));
