// The page's side of sync: elects one leader per device with the Web Locks API (the leader runs the
// worker; when its window closes the lock passes to another window, which starts its own), relays
// token requests to the desktop bridge, and turns broadcasts into the status store.
import type { Agent } from '../../shared/schemas/entities';
import { channelName, lockName, type Broadcast, type FromWorker, type ToWorker } from './messages';
import { useSyncStatus } from './status-store';
import { SLICE_LIMIT } from './api';

export type SyncClient = {
  /**
   * Settles once this window's worker has started, or soon if another window leads: the sign-in waits
   * for it, so the worker loads while the console renders instead of after.
   */
  started: Promise<void>;
  requestSync(): void;
  resyncFromScratch(): void;
  onPresence(listener: (event: Extract<Broadcast, { type: 'presence' }>) => void): () => void;
  isLeader(): boolean;
  stop(): void;
};

/** How long a sign-in waits for the lock before it goes on without leading (another window leads). */
const LEADER_WAIT_MS = 200;

export function startSync(options: { serverUrl: string; dbName: string; actor: Agent; getToken: (refresh: boolean) => Promise<string> }): SyncClient {
  const channel = new BroadcastChannel(channelName(options.dbName));
  const presence = new Set<(event: Extract<Broadcast, { type: 'presence' }>) => void>();
  let worker: Worker | null = null;
  let releaseLock: (() => void) | null = null;

  channel.onmessage = (event: MessageEvent<Broadcast>) => {
    const message = event.data;
    if (message.type === 'status') useSyncStatus.setState(message.status, true);
    if (message.type === 'presence') presence.forEach((l) => l(message));
  };
  // A page opened beside the leader shows the leader's status now, not after its next sync round.
  channel.postMessage({ type: 'status-request' } satisfies Broadcast);

  const post = (m: ToWorker) => worker?.postMessage(m);
  // Asked now, while the window is free: once it renders the console, a worker's question waits.
  const firstToken = options.getToken(false).catch(() => undefined);
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
    setTimeout(resolve, LEADER_WAIT_MS);
  });
  void navigator.locks.request(lockName(options.dbName), async () => {
    // Before the worker: loading it takes longer than the server takes to answer.
    const slice = fetchEarlySlice(options.serverUrl, options.dbName, firstToken);
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'switchboard-sync' });
    worker.onmessage = async (event: MessageEvent<FromWorker>) => {
      const { requestId, refresh } = event.data;
      try {
        post({ type: 'token', requestId, token: await options.getToken(refresh) });
      } catch (error) {
        post({ type: 'token', requestId, token: null, error: error instanceof Error ? error.message : String(error) });
      }
    };
    post({ type: 'start', serverUrl: options.serverUrl, dbName: options.dbName, actor: options.actor, token: await firstToken, slice: true });
    markStarted();
    void slice.then((bytes) => worker?.postMessage({ type: 'slice', bytes } satisfies ToWorker, bytes ? [bytes] : []));
    // Hold the lock for as long as this page lives (or until sign-out).
    return new Promise<void>((resolve) => {
      releaseLock = resolve;
    });
  });

  // Through the channel only: it reaches the worker whichever page leads, and reaches it once.
  const requestSync = () => channel.postMessage({ type: 'sync-request' } satisfies Broadcast);
  // Back online or focused: sync now. Offline: a round now fails at once and the status bar says
  // "offline" (with the banner) instead of "online" until the next timer round, up to half a minute later.
  const onNetwork = () => requestSync();
  const NETWORK_EVENTS = ['online', 'offline', 'focus'] as const;
  NETWORK_EVENTS.forEach((name) => window.addEventListener(name, onNetwork));

  return {
    started,
    requestSync,
    resyncFromScratch: () => channel.postMessage({ type: 'resync-request' } satisfies Broadcast),
    onPresence(listener) {
      presence.add(listener);
      return () => presence.delete(listener);
    },
    isLeader: () => worker !== null,
    stop() {
      NETWORK_EVENTS.forEach((name) => window.removeEventListener(name, onNetwork));
      post({ type: 'stop' });
      worker?.terminate();
      worker = null;
      releaseLock?.();
      channel.close();
    },
  };
}

/**
 * A new device's first screen (PROTOCOL.md, `/sync/slice`), asked for by the page that will lead, as
 * soon as it knows it leads: the worker that writes it is still loading. Raw bytes, so the page does no
 * parsing. Null for a device that has a cache already, or when the server did not answer with it.
 */
async function fetchEarlySlice(serverUrl: string, dbName: string, token: Promise<string | undefined>): Promise<ArrayBuffer | null> {
  try {
    const [existing, bearer] = await Promise.all([indexedDB.databases(), token]);
    if (!bearer || existing.some((d) => d.name === dbName)) return null;
    const res = await fetch(`${serverUrl}/api/v1/sync/slice?limit=${SLICE_LIMIT}`, { headers: { authorization: `Bearer ${bearer}` } });
    return res.ok ? await res.arrayBuffer() : null;
  } catch {
    return null; // the worker asks again
  }
}
