// The main process entry: wires the pure policies in this folder to Electron. Order matters: the
// app:// scheme is privileged and the sandbox enabled before `ready`; the single-instance lock is
// taken before anything else starts; guards are installed before the first webContents exists.
import { app, ipcMain, Menu, nativeImage, Notification, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import type { BrowserWindow } from 'electron';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import trayIconPath from '../../build/tray.png?asset';
import { EVENT_CHANNELS } from '../../shared/ipc/channels';
import { DEFAULT_SETTINGS, ServerUrl } from '../../shared/ipc/settings';
import { APP_SCHEME, resolveRendererLocation } from './app-origin';
import { createAuthService } from './auth/auth-service';
import { createSecretFile } from './auth/secret-file';
import { createSecretStore } from './auth/secret-store';
import { createDeepLinkRouter, DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from './desktop/deep-links';
import { buildMenuTemplate } from './desktop/menu';
import { createNotifier } from './desktop/notifications';
import { claimSingleInstance } from './desktop/single-instance';
import { createTrayBadge } from './desktop/tray';
import { mainStrings } from './i18n';
import { createEventSender } from './ipc/events';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { createFileSink } from './log/file-sink';
import { createLogger } from './log/logger';
import { createAppProtocolHandler } from './security/app-protocol';
import { buildCsp } from './security/csp';
import { installWebContentsGuards } from './security/navigation';
import type { NavigationPolicy } from './security/navigation';
import { openExternal } from './security/open-external';
import { ALLOWED_PERMISSIONS, createPermissionCheckHandler, createPermissionRequestHandler } from './security/permissions';
import { createElectronStoreBackend } from './settings/electron-store-backend';
import { createSettingsStore } from './settings/settings-store';
import { restoreWindowBounds } from './settings/window-bounds';
import { createMainWindow, focusWindow } from './window';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

function main(): void {
  const mainDir = dirname(fileURLToPath(import.meta.url));
  const rendererDir = join(mainDir, '..', 'renderer');
  const preloadPath = join(mainDir, '..', 'preload', 'index.cjs');
  const isPackaged = app.isPackaged;
  const logger = createLogger(createFileSink(join(app.getPath('userData'), 'logs'), !isPackaged));
  const location = resolveRendererLocation(isPackaged, process.env['ELECTRON_RENDERER_URL']);

  let window: BrowserWindow | null = null;
  let tray: Tray | null = null;
  const send = createEventSender(() => window?.webContents ?? null);
  const deepLinks = createDeepLinkRouter((link) => {
    focusWindow(window);
    send(EVENT_CHANNELS.onDeepLink, link);
  });

  const owner = claimSingleInstance(app, {
    focus: () => focusWindow(window),
    openLink: (link) => deepLinks.open(link),
    parseUrl: parseDeepLink,
  });
  if (!owner) return;
  deepLinks.open(findDeepLink(process.argv));
  if (isPackaged && !app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  const envServer = ServerUrl.safeParse(process.env['SWITCHBOARD_SERVER_URL'] ?? '');
  const defaults = envServer.success ? { ...DEFAULT_SETTINGS, serverUrl: envServer.data } : DEFAULT_SETTINGS;
  const settings = createSettingsStore(
    createElectronStoreBackend((message) => logger.warn(message)),
    (problem) => logger.warn('settings repaired', { ...problem }),
    defaults,
  );
  const strings = () => mainStrings(settings.get().language);
  const secrets = createSecretStore(safeStorage, process.platform, createSecretFile(join(app.getPath('userData'), 'session.bin')), (message) =>
    logger.warn(message),
  );
  const auth = createAuthService({
    secrets,
    fetch: (input, init) => fetch(input, init),
    serverUrl: () => settings.get().serverUrl,
    now: () => Date.now(),
    log: (message, details) => logger.info(message, details),
  });
  const openOutside = (url: string) => openExternal(url, (checked) => shell.openExternal(checked));
  const policy: NavigationPolicy = {
    trustedOrigins: location.trustedOrigins,
    openExternal: (url) => {
      openOutside(url).catch((error: unknown) => logger.warn('openExternal failed', { error: String(error) }));
    },
    log: (message, details) => logger.warn(message, details),
  };
  installWebContentsGuards(app, policy);
  const csp = () => buildCsp({ serverUrl: settings.get().serverUrl, devServerOrigin: location.devServerOrigin });

  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification({ ...options, icon: nativeImage.createFromBuffer(readFileSync(trayIconPath)) }),
    preferences: () => settings.get().notifications,
    onClick: (ticketKey) => {
      focusWindow(window);
      if (ticketKey !== null) send(EVENT_CHANNELS.onNotificationClicked, { ticketKey });
    },
  });
  const trayBadge = createTrayBadge({
    tray: () => tray,
    setBadgeCount: (count) => app.setBadgeCount(count),
    strings,
    platform: process.platform,
  });

  const applyMenus = () => {
    const menu = Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isPackaged,
        strings: strings(),
        send: (command) => send(EVENT_CHANNELS.onMenuCommand, { command }),
      }),
    );
    Menu.setApplicationMenu(menu);
    tray?.setContextMenu(
      Menu.buildFromTemplate([
        { label: strings().tray.open, click: () => focusWindow(window) },
        { type: 'separator' },
        { label: strings().tray.quit, click: () => app.quit() },
      ]),
    );
    trayBadge.refresh();
  };

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      settings,
      auth,
      notifier,
      trayBadge,
      openExternal: openOutside,
      onSettingsChanged: (before, after) => {
        if (before.language !== after.language) applyMenus();
        // The CSP's connect-src names the server: a new server needs a fresh page load.
        if (before.serverUrl !== after.serverUrl) setTimeout(() => window?.webContents.reload(), 50);
      },
    }),
    {
      trustedOrigins: location.trustedOrigins,
      isConsoleContents: (id) => window !== null && !window.isDestroyed() && window.webContents.id === id,
      log: (level, message, details) => logger.log(level, message, details),
    },
  );

  const openWindow = () => {
    const bounds = restoreWindowBounds(settings.get().windowBounds, screen.getAllDisplays(), screen.getPrimaryDisplay());
    const created = createMainWindow({
      preload: preloadPath,
      isPackaged,
      bounds,
      url: location.url,
      icon: trayIconPath,
      onBoundsToSave: (saved) => settings.setWindowBounds(saved),
      onLoadFailed: (error) => logger.error('console failed to load', { error: String(error) }),
    });
    created.webContents.on('did-start-loading', () => deepLinks.notReady());
    created.webContents.on('did-finish-load', () => deepLinks.ready());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  };

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (window === null) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      const ses = session.defaultSession;
      const permissions = { allowed: ALLOWED_PERMISSIONS, trustedOrigins: location.trustedOrigins, log: policy.log };
      ses.setPermissionRequestHandler(createPermissionRequestHandler(permissions));
      ses.setPermissionCheckHandler(createPermissionCheckHandler(permissions));
      ses.setDevicePermissionHandler(() => false);
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({
          rootDir: rendererDir,
          readFile: (path) => readFile(path),
          contentSecurityPolicy: csp,
          log: policy.log,
        }),
      );
      if (location.devServerOrigin !== null) {
        ses.webRequest.onHeadersReceived({ urls: [`${location.devServerOrigin}/*`] }, (details, callback) => {
          callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp()] } });
        });
      }
      tray = new Tray(nativeImage.createFromBuffer(readFileSync(trayIconPath)));
      tray.on('click', () => focusWindow(window));
      applyMenus();
      openWindow();
      logger.info('started', { packaged: isPackaged, url: location.url, secureStorage: secrets.status().reason });
    })
    .catch((error: unknown) => {
      logger.error('start-up failed', { error: String(error) });
      app.exit(1);
    });
}

main();
