// The sync worker: runs the engine off the UI thread, so a 100,000-row bootstrap never freezes the
// console. One per device (the page holding the leader lock starts it). Tokens are asked of the page
// (the page asks the desktop bridge) and held in memory only, for a minute at most (token-cache.ts).
import { CacheDb } from '../db/cache-db';
import { createSyncApi } from './api';
import { SyncEngine } from './engine';
import { channelName, type Broadcast, type FromWorker, type ToWorker } from './messages';
import { newId } from './ids';
import { createTokenCache } from './token-cache';
import type { SliceResponse } from '../../shared/protocol/sync';

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
let engine: SyncEngine | null = null;
let channel: BroadcastChannel | null = null;
let nextRequest = 1;
const waiting = new Map<number, (answer: { token: string | null; error?: string }) => void>();

function askToken(refresh: boolean): Promise<string> {
  const requestId = nextRequest++;
  return new Promise((resolve, reject) => {
    waiting.set(requestId, ({ token, error }) => (token ? resolve(token) : reject(new Error(error ?? 'not signed in'))));
    scope.postMessage({ type: 'token-request', requestId, refresh });
  });
}

function pokedCursor(data: string): string | undefined {
  try {
    const cursor = (JSON.parse(data) as { cursor?: unknown }).cursor;
    return typeof cursor === 'string' ? cursor : undefined;
  } catch {
    return undefined; // an unreadable poke still asks for a pull
  }
}

function openEvents(api: ReturnType<typeof createSyncApi>, handlers: { onPoke(cursor?: string): void; onOpen(): void; onError(): void }) {
  let source: EventSource | null = null;
  let closed = false;
  let failures = 0;
  const connect = async (fresh: boolean) => {
    if (closed) return;
    source = new EventSource(await api.eventsUrl(fresh));
    source.addEventListener('open', () => {
      failures = 0;
      handlers.onOpen();
    });
    source.addEventListener('poke', (e) => handlers.onPoke(pokedCursor((e as MessageEvent<string>).data)));
    source.addEventListener('presence', (e) => channel?.postMessage({ type: 'presence', ...JSON.parse((e as MessageEvent<string>).data) } satisfies Broadcast));
    source.addEventListener('error', () => {
      // Reconnect ourselves with a fresh token (the old one may have expired), backing off.
      source?.close();
      handlers.onError();
      failures++;
      setTimeout(() => void connect(true).catch(() => undefined), Math.min(60_000, 1000 * 2 ** failures));
    });
  };
  void connect(false).catch(() => undefined);
  return {
    close() {
      closed = true;
      source?.close();
    },
  };
}

// The first screen's slice, when the page asked for it (sync-client.ts): bytes, parsed here.
let deliverSlice: (bytes: ArrayBuffer | null) => void = () => undefined;
const sliceBytes = new Promise<ArrayBuffer | null>((resolve) => (deliverSlice = resolve));

function parseSlice(bytes: ArrayBuffer | null): SliceResponse | undefined {
  try {
    return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as SliceResponse) : undefined;
  } catch {
    return undefined; // the engine asks for it again
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'start': {
      if (engine) return;
      channel = new BroadcastChannel(channelName(message.dbName));
      const api = createSyncApi({
        baseUrl: `${message.serverUrl}/api/v1`,
        tokens: createTokenCache(askToken, { first: message.token }),
      });
      engine = new SyncEngine({
        db: new CacheDb(message.dbName),
        api,
        // A new device's first screen, asked for by the page while this worker loaded.
        earlySlice: message.slice ? sliceBytes.then(parseSlice) : undefined,
        actor: message.actor,
        newId,
        onStatus: (status) => channel?.postMessage({ type: 'status', status } satisfies Broadcast),
        openEvents: (handlers) => openEvents(api, handlers),
      });
      channel.onmessage = (e: MessageEvent<Broadcast>) => {
        if (e.data.type === 'sync-request') engine?.requestSync();
        if (e.data.type === 'resync-request') void engine?.resetCache().then(() => engine?.requestSync());
        if (e.data.type === 'status-request' && engine) channel?.postMessage({ type: 'status', status: engine.current } satisfies Broadcast);
      };
      void engine.start();
      return;
    }
    case 'slice':
      deliverSlice(message.bytes);
      return;
    case 'token':
      waiting.get(message.requestId)?.({ token: message.token, error: message.error });
      waiting.delete(message.requestId);
      return;
    case 'stop':
      engine?.stop();
      channel?.close();
      return;
  }
};
