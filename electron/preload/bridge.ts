// The bridge object the preload exposes: one function per contract channel and one subscription per
// event, nothing else. ipcRenderer itself and its event objects never reach the page (an
// IpcRendererEvent carries `sender`, which is ipcRenderer). Events that arrive before the console
// subscribes (a deep link that launched the app) wait in a short backlog for the first subscriber.
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { EventMethod, InvokeMethod } from '../../shared/ipc/channels';
import type { SwitchboardBridge } from '../../shared/ipc/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

const MAX_BACKLOG = 20;

function invoker<M extends InvokeMethod>(ipc: IpcRendererLike, method: M): SwitchboardBridge[M] {
  const channel = INVOKE_CHANNELS[method];
  return ((...args: unknown[]) => ipc.invoke(channel, ...args)) as unknown as SwitchboardBridge[M];
}

function subscription<M extends EventMethod>(ipc: IpcRendererLike, method: M): SwitchboardBridge[M] {
  const listeners = new Set<(payload: unknown) => void>();
  const backlog: unknown[] = [];
  ipc.on(EVENT_CHANNELS[method], (_event, payload) => {
    if (listeners.size === 0) {
      backlog.push(payload);
      if (backlog.length > MAX_BACKLOG) backlog.shift();
      return;
    }
    for (const listener of [...listeners]) listener(payload);
  });
  const subscribe = (listener: (payload: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${method} needs a listener function`);
    listeners.add(listener);
    if (listeners.size === 1) for (const payload of backlog.splice(0)) listener(payload);
    return () => {
      listeners.delete(listener);
    };
  };
  return subscribe as unknown as SwitchboardBridge[M];
}

export function createBridge(ipc: IpcRendererLike): SwitchboardBridge {
  return {
    getSettings: invoker(ipc, 'getSettings'),
    setSettings: invoker(ipc, 'setSettings'),
    getSettingsProblems: invoker(ipc, 'getSettingsProblems'),
    login: invoker(ipc, 'login'),
    storeRefreshToken: invoker(ipc, 'storeRefreshToken'),
    getAccessToken: invoker(ipc, 'getAccessToken'),
    logout: invoker(ipc, 'logout'),
    getAuthStatus: invoker(ipc, 'getAuthStatus'),
    showNotification: invoker(ipc, 'showNotification'),
    setTrayBadge: invoker(ipc, 'setTrayBadge'),
    openExternal: invoker(ipc, 'openExternal'),
    onDeepLink: subscription(ipc, 'onDeepLink'),
    onNotificationClicked: subscription(ipc, 'onNotificationClicked'),
    onMenuCommand: subscription(ipc, 'onMenuCommand'),
  } satisfies SwitchboardBridge;
}
