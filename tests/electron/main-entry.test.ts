// The main entry as a whole, against a fake Electron: every contract channel gets a handler, the
// window is the secure one, and the policies are actually wired (protocol, permissions, guards,
// deep links, IPC sender checks).
import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import { electronEvent, FakeWebContents } from './helpers/fakes';
import type { FakeIpcMain } from './helpers/fakes';

const fake = vi.hoisted(() => ({
  userData: '',
  ipcMain: null as unknown as FakeIpcMain,
  app: null as unknown as EventEmitter & Record<string, unknown>,
  windows: [] as Array<{ options: Record<string, unknown>; url: string | null; webContents: FakeWebContents }>,
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string; method?: string }) => Promise<Response>>(),
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl?: string }) => void),
  sandboxEnabled: false,
  menus: 0,
  trays: 0,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeIpcMain: Ipc, FakeWebContents: Contents } = await import('./helpers/fakes');
  fake.ipcMain = new Ipc();
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    getPath: () => fake.userData,
    enableSandbox: () => {
      fake.sandboxEnabled = true;
    },
    requestSingleInstanceLock: () => true,
    isDefaultProtocolClient: () => true,
    setAsDefaultProtocolClient: () => true,
    whenReady: () => Promise.resolve(),
    setBadgeCount: () => true,
    quit: () => {},
    exit: () => {},
  });
  fake.app = app as never;
  class BrowserWindow extends Emitter {
    webContents = new Contents(fake.windows.length + 10);
    constructor(options: Record<string, unknown>) {
      super();
      fake.windows.push({ options, url: null, webContents: this.webContents });
    }
    loadURL(url: string) {
      const entry = fake.windows.find((w) => w.webContents === this.webContents);
      if (entry) entry.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    show() {}
    focus() {}
    maximize() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1200, height: 800 };
    }
  }
  class Tray extends Emitter {
    constructor() {
      super();
      fake.trays += 1;
    }
    setToolTip() {}
    setTitle() {}
    setContextMenu() {}
    isDestroyed() {
      return false;
    }
  }
  class Notification extends Emitter {
    static isSupported() {
      return true;
    }
    show() {}
  }
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    app,
    BrowserWindow,
    Tray,
    Notification,
    ipcMain: fake.ipcMain,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => {
        fake.menus += 1;
      },
    },
    nativeImage: { createFromBuffer: () => ({}) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => {
          fake.permissionRequest = handler;
        },
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        webRequest: { onHeadersReceived: () => {} },
      },
    },
    shell: { openExternal: () => Promise.resolve() },
  };
});

vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
  },
}));

vi.mock('../../build/tray.png?asset', () => ({ default: join(process.cwd(), 'build', 'tray.png') }));

fake.userData = mkdtempSync(join(tmpdir(), 'sb-main-'));
const argv = process.argv;
process.argv = [...argv, 'switchboard://ticket/SD-1042'];
await import('../../electron/main/index');
await new Promise((resolve) => setTimeout(resolve, 10));
process.argv = argv;

afterAll(() => {
  process.argv = argv;
  rmSync(fake.userData, { recursive: true, force: true });
});

const consoleWindow = () => {
  const window = fake.windows[0];
  if (window === undefined) throw new Error('no window was opened');
  return window;
};
const fromConsole = () => ({ sender: { id: consoleWindow().webContents.id }, senderFrame: { url: 'app://console/index.html', parent: null } });

describe('main entry', () => {
  it('registers app:// as a privileged standard, secure scheme and enables the sandbox for all renderers', () => {
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('every contract channel has a registered handler, and nothing else is registered', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('opens one secure window on app://console with the bundled CommonJS preload', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = consoleWindow().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(String(prefs['preload']).endsWith(`${sep}preload${sep}index.cjs`)).toBe(true);
    expect(consoleWindow().url).toBe('app://console/index.html');
  });

  it('answers the console and refuses a foreign origin through the real registration', async () => {
    expect(await fake.ipcMain.invoke(INVOKE_CHANNELS.getSettings, fromConsole())).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const foreign = { sender: { id: consoleWindow().webContents.id }, senderFrame: { url: 'https://evil.example.com/', parent: null } };
    expect(await fake.ipcMain.invoke(INVOKE_CHANNELS.getSettings, foreign)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('on Linux with the basic_text backend, says the session cannot be kept and why', async () => {
    const secureStorage = process.platform === 'linux' ? { available: false, reason: 'basic_text_backend' } : { available: true, reason: 'available' };
    expect(await fake.ipcMain.invoke(INVOKE_CHANNELS.getAuthStatus, fromConsole())).toEqual({
      ok: true,
      value: { signedIn: false, persisted: false, secureStorage },
    });
  });

  it('serves app:// through the traversal guard', async () => {
    const handler = fake.protocolHandlers.get('app');
    expect((await handler?.({ url: 'app://console/%2e%2e/%2e%2e/package.json' }))?.status).toBe(403);
  });

  it('the session denies unlisted permissions', () => {
    const answers: boolean[] = [];
    fake.permissionRequest?.({}, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://console/' });
    fake.permissionRequest?.({}, 'notifications', (granted) => answers.push(granted), { requestingUrl: 'app://console/' });
    expect(answers).toEqual([false, true]);
  });

  it('guards web contents created later', () => {
    const contents = new FakeWebContents(42);
    fake.app.emit('web-contents-created', {}, contents);
    const event = electronEvent({ url: 'https://evil.example.com/', isMainFrame: true });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(true);
  });

  it('delivers the launch deep link once the console has loaded, and a second launch’s link after it', () => {
    const contents = consoleWindow().webContents;
    expect(contents.sent).toEqual([]);
    contents.emit('did-finish-load');
    fake.app.emit('second-instance', {}, ['switchboard', 'switchboard://ticket/HD-2231'], '/');
    fake.app.emit('second-instance', {}, ['switchboard', 'switchboard://evil/HD-1'], '/');
    expect(contents.sent).toEqual([
      { channel: EVENT_CHANNELS.onDeepLink, payload: { ticketKey: 'SD-1042' } },
      { channel: EVENT_CHANNELS.onDeepLink, payload: { ticketKey: 'HD-2231' } },
    ]);
  });

  it('sets up the menu and the tray', () => {
    expect(fake.menus).toBeGreaterThan(0);
    expect(fake.trays).toBe(1);
  });
});
