// The page's side of sync asks the leader's worker for a round when the network changes: back online (to
// send what waits) and gone offline (so the status bar says so at once, not at the next timer round).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../../shared/schemas/entities';
import type { Broadcast } from '../../../renderer/sync/messages';
import { startSync, type SyncClient } from '../../../renderer/sync/sync-client';

/** Every message the page broadcast to the console's other pages and the leader's worker. */
const posted: Broadcast[] = [];

class FakeChannel {
  onmessage: ((event: MessageEvent<Broadcast>) => void) | null = null;
  constructor(readonly name: string) {}
  postMessage(message: Broadcast) {
    posted.push(message);
  }
  close() {}
}

const actor: Agent = { id: '00000000-0000-4000-8000-000000000001', name: 'Tomáš Dvořák', email: 'tech@example.com', role: 'field_tech', desks: ['service'], groupIds: [], shiftId: null, skills: [], capacity: 12, away: false };

describe('startSync', () => {
  let client: SyncClient;
  const page = new EventTarget();

  beforeEach(() => {
    posted.length = 0;
    vi.stubGlobal('window', page);
    vi.stubGlobal('BroadcastChannel', FakeChannel);
    // Another page holds the leader lock: this one never starts a worker of its own.
    vi.stubGlobal('navigator', { locks: { request: () => new Promise(() => undefined) } });
    client = startSync({ serverUrl: 'http://127.0.0.1:4010', dbName: 'switchboard:test', actor, getToken: async () => 'token' });
  });

  afterEach(() => {
    client.stop();
    vi.unstubAllGlobals();
  });

  const syncRequests = () => posted.filter((m) => m.type === 'sync-request').length;

  it.each(['online', 'offline', 'focus'])('asks for a sync round when the window fires "%s"', (event) => {
    expect(syncRequests()).toBe(0);
    page.dispatchEvent(new Event(event));
    expect(syncRequests()).toBe(1);
  });

  it('stops listening when stopped', () => {
    client.stop();
    page.dispatchEvent(new Event('offline'));
    page.dispatchEvent(new Event('online'));
    expect(syncRequests()).toBe(0);
  });
});
