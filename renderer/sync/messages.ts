// Messages between the console pages, the sync worker and the leader election, in one place.
import type { Agent } from '../../shared/schemas/entities';
import type { SyncStatus } from './status';

/** Page → worker: everything the worker needs to run the engine (no token: it asks for those). */
/** `token`: an access token for the first requests, so they need not wait for a window busy rendering. */
/** `slice`: an `EarlySlice` message follows (the page asked for the first screen itself). */
export type WorkerStart = { type: 'start'; serverUrl: string; dbName: string; actor: Agent; token?: string; slice?: boolean };
export type TokenAnswer = { type: 'token'; requestId: number; token: string | null; error?: string };
/**
 * The first screen's slice as the server sent it (a new device only): asked for by the page while the
 * worker loads, transferred, not copied, and parsed there. `null`: the page did not get it.
 */
export type EarlySlice = { type: 'slice'; bytes: ArrayBuffer | null };
export type ToWorker = WorkerStart | TokenAnswer | EarlySlice | { type: 'stop' };

/** Worker → page. */
export type FromWorker = { type: 'token-request'; requestId: number; refresh: boolean };

/** Broadcast to every page of this console (BroadcastChannel), whoever leads. */
export type Broadcast =
  | { type: 'status'; status: SyncStatus }
  | { type: 'presence'; ticketId: string; agentId: string; state: 'viewing' | 'editing' | 'left' }
  | { type: 'sync-request' }
  | { type: 'resync-request' }
  /** A page that opened asks the leader's worker for the current status (else it waits for the next round). */
  | { type: 'status-request' };

export const channelName = (dbName: string) => `switchboard-sync:${dbName}`;
export const lockName = (dbName: string) => `switchboard-sync-leader:${dbName}`;
