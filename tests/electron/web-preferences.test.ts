// The console window's webPreferences, checked on what createMainWindow actually hands to
// BrowserWindow (Electron is mocked: its binary cannot run here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../electron/main/security/web-preferences';

const created = vi.hoisted(() => ({ options: [] as Array<Record<string, unknown>>, loaded: [] as string[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents = new EventEmitter();
    constructor(options: Record<string, unknown>) {
      super();
      created.options.push(options);
    }
    loadURL(url: string) {
      created.loaded.push(url);
      return Promise.resolve();
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    show() {}
  }
  return { BrowserWindow };
});

const { createMainWindow } = await import('../../electron/main/window');

const EXPECTED_SECURITY = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
};

function open(isPackaged: boolean, onBoundsToSave = vi.fn()) {
  createMainWindow({
    preload: '/app/out/preload/index.cjs',
    isPackaged,
    bounds: { x: 0, y: 0, width: 1200, height: 800, maximized: false },
    url: 'app://console/index.html',
    onBoundsToSave,
  });
  const options = created.options.at(-1);
  if (options === undefined) throw new Error('no BrowserWindow was created');
  return options;
}

describe('console window webPreferences', () => {
  beforeEach(() => {
    created.options.length = 0;
    created.loaded.length = 0;
  });

  it('packaged: exactly the secure set, the preload path, and no DevTools', () => {
    const prefs = open(true)['webPreferences'];
    expect(prefs).toEqual({
      ...EXPECTED_SECURITY,
      preload: '/app/out/preload/index.cjs',
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
    expect(created.loaded).toEqual(['app://console/index.html']);
  });

  it('unpackaged runs get DevTools and nothing else changes', () => {
    const prefs = open(false)['webPreferences'] as Record<string, unknown>;
    expect(prefs['devTools']).toBe(true);
    expect(prefs).toMatchObject(EXPECTED_SECURITY);
  });

  it('overrides cannot turn the sandbox, isolation or node integration back on', () => {
    const hostile = {
      sandbox: false,
      contextIsolation: false,
      nodeIntegration: true,
      webSecurity: false,
      webviewTag: true,
      devTools: true,
      preload: '/tmp/evil.js',
      enableBlinkFeatures: 'Everything',
      spellcheck: false,
    };
    const prefs = secureWebPreferences({ preload: '/app/preload.cjs', isPackaged: true }, hostile as never);
    expect(prefs).toMatchObject({ ...EXPECTED_SECURITY, devTools: false, preload: '/app/preload.cjs' });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    // A genuinely tunable preference still applies.
    expect(prefs.spellcheck).toBe(false);
  });

  it('keeps the window bounds when it closes, so the next start restores them', () => {
    const onBoundsToSave = vi.fn();
    const window = createMainWindow({
      preload: '/p.cjs',
      isPackaged: true,
      bounds: { x: 0, y: 0, width: 1200, height: 800, maximized: false },
      url: 'app://console/index.html',
      onBoundsToSave,
    });
    expect(onBoundsToSave).not.toHaveBeenCalled();
    window.emit('close');
    expect(onBoundsToSave).toHaveBeenCalledWith({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});
