// The console window: secure preferences (security/web-preferences.ts), restored bounds, shown once
// ready. Guards against navigation, new windows and webviews are attached to every webContents by
// installWebContentsGuards (security/navigation.ts), this window included.
import { BrowserWindow } from 'electron';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../../shared/ipc/settings';
import type { WindowBounds } from '../../shared/ipc/settings';
import { secureWebPreferences } from './security/web-preferences';

export interface MainWindowOptions {
  readonly preload: string;
  readonly isPackaged: boolean;
  readonly bounds: WindowBounds;
  readonly url: string;
  readonly icon?: string;
  readonly onBoundsToSave: (bounds: WindowBounds) => void;
  readonly onLoadFailed?: (error: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    x: options.bounds.x,
    y: options.bounds.y,
    width: options.bounds.width,
    height: options.bounds.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    show: false,
    title: 'Switchboard',
    backgroundColor: '#1f2430',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences({ preload: options.preload, isPackaged: options.isPackaged }),
  });
  window.once('ready-to-show', () => {
    if (options.bounds.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const normal = window.getNormalBounds();
    options.onBoundsToSave({ ...normal, maximized: window.isMaximized() });
  });
  window.loadURL(options.url).catch((error: unknown) => options.onLoadFailed?.(error));
  return window;
}

/** Brings the window forward (from the tray, a notification or a second launch). */
export function focusWindow(window: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
