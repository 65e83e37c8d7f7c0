// Small stand-ins for Electron objects, built on Node's EventEmitter so the code under test attaches
// real listeners and the tests fire real events at them.
import { EventEmitter } from 'node:events';
import type { IpcInvokeEventLike } from '../../../electron/main/ipc/sender';

/** An Electron-style event whose preventDefault is observable. */
export function electronEvent<T extends object>(fields: T = {} as T): T & { preventDefault(): void; readonly defaultPrevented: boolean } {
  let prevented = false;
  return Object.defineProperties(fields, {
    preventDefault: {
      value: () => {
        prevented = true;
      },
    },
    defaultPrevented: { get: () => prevented },
  }) as T & { preventDefault(): void; readonly defaultPrevented: boolean };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  constructor(readonly id = 1) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

/** Collects ipcMain.handle registrations and lets a test invoke them like the renderer would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: IpcInvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

/** An IPC event as Electron builds it: the sending webContents and frame. */
export function ipcEvent(options: { contentsId?: number; url?: string; subframe?: boolean; noFrame?: boolean } = {}): IpcInvokeEventLike {
  const frame = options.noFrame ? null : { url: options.url ?? 'app://console/index.html', parent: options.subframe ? { url: 'app://console/' } : null };
  return { sender: { id: options.contentsId ?? 1 }, senderFrame: frame };
}
