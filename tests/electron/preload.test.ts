// The preload exposes exactly the contract as window.switchboard, and never ipcRenderer.
import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEYS, EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/contract';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invocations: Array<{ channel: string; args: unknown[] }> = [];
  return { exposed, invocations, ipcRenderer: null as unknown };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: (channel: string, ...args: unknown[]) => {
      electron.invocations.push({ channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => {},
    sendSync: () => {},
  });
  electron.ipcRenderer = ipcRenderer;
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        electron.exposed.set(key, api);
      },
    },
  };
});

await import('../../electron/preload/index');

const bridge = electron.exposed.get('switchboard') as Record<string, (...args: unknown[]) => unknown>;
const ipc = electron.ipcRenderer as EventEmitter;

describe('preload bridge', () => {
  it('exposes one object, window.switchboard, whose keys are exactly the contract', () => {
    expect([...electron.exposed.keys()]).toEqual(['switchboard']);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_KEYS].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(ipc);
      expect(Object.values(ipc)).not.toContain(value);
      expect(value).not.toBe((ipc as unknown as { invoke: unknown }).invoke);
    }
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|send|invoke/i);
  });

  it('each method invokes its own contract channel with the caller’s arguments', async () => {
    electron.invocations.length = 0;
    for (const [method, channel] of Object.entries(INVOKE_CHANNELS)) {
      await bridge[method]?.({ probe: method });
      expect(electron.invocations.at(-1)).toEqual({ channel, args: [{ probe: method }] });
    }
  });

  it('subscriptions deliver only the payload (never the IPC event) and return an unsubscribe function', () => {
    const seen: unknown[][] = [];
    const unsubscribe = bridge['onDeepLink']?.((...args: unknown[]) => seen.push(args)) as () => void;
    expect(typeof unsubscribe).toBe('function');
    ipc.emit(EVENT_CHANNELS.onDeepLink, { sender: ipc, senderId: 0 }, { ticketKey: 'SD-1042' });
    expect(seen).toEqual([[{ ticketKey: 'SD-1042' }]]);
    unsubscribe();
    ipc.emit(EVENT_CHANNELS.onDeepLink, { sender: ipc }, { ticketKey: 'SD-1043' });
    expect(seen).toHaveLength(1);
  });

  it('an event that arrives before anyone subscribed (a launch link) waits for the first subscriber', () => {
    ipc.emit(EVENT_CHANNELS.onMenuCommand, { sender: ipc }, { command: 'palette.open' });
    const seen: unknown[] = [];
    const unsubscribe = bridge['onMenuCommand']?.((payload: unknown) => seen.push(payload)) as () => void;
    expect(seen).toEqual([{ command: 'palette.open' }]);
    unsubscribe();
  });

  it('refuses a subscription without a listener function', () => {
    expect(() => bridge['onNotificationClicked']?.('not a function')).toThrow(TypeError);
  });
});
