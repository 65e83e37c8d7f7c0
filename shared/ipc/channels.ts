// The IPC channel names and the bridge method each one becomes, with no schema code: the preload
// imports only this file, so the sandboxed preload bundle stays tiny and holds no validation logic
// (main validates everything). contract.ts pairs every name here with its zod schemas.

/** Renderer → main calls (ipcRenderer.invoke / ipcMain.handle), keyed by bridge method name. */
export const INVOKE_CHANNELS = {
  getSettings: 'app:settings:get',
  setSettings: 'app:settings:set',
  getSettingsProblems: 'app:settings:problems',
  login: 'app:auth:login',
  storeRefreshToken: 'app:auth:storeRefreshToken',
  getAccessToken: 'app:auth:getAccessToken',
  logout: 'app:auth:logout',
  getAuthStatus: 'app:auth:status',
  showNotification: 'app:notifications:show',
  setTrayBadge: 'app:tray:setBadge',
  openExternal: 'app:shell:openExternal',
} as const;

/** Main → renderer events (webContents.send / ipcRenderer.on), keyed by bridge subscription name. */
export const EVENT_CHANNELS = {
  onDeepLink: 'app:event:deepLink',
  onNotificationClicked: 'app:event:notificationClicked',
  onMenuCommand: 'app:event:menuCommand',
} as const;

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeMethod];
export type EventMethod = keyof typeof EVENT_CHANNELS;
export type EventChannel = (typeof EVENT_CHANNELS)[EventMethod];

/** The name the preload exposes the bridge under: `window.switchboard`. */
export const BRIDGE_GLOBAL = 'switchboard';
