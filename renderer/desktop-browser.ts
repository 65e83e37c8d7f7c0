// The desktop bridge's stand-in for a plain browser (web mode, end-to-end tests): settings in
// localStorage, the session's refresh token in sessionStorage (this tab only, gone when it closes),
// notifications through the Notification API. Same type as the preload's bridge.
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../shared/ipc/settings';
import type { AccessToken, AuthStatus, IpcResult, SwitchboardBridge } from '../shared/ipc/contract';

const SETTINGS_KEY = 'switchboard.settings';
const REFRESH_KEY = 'switchboard.refresh';
const NO_SECURE_STORAGE: AuthStatus = { signedIn: false, persisted: false, secureStorage: { available: false, reason: 'encryption_unavailable' } } as AuthStatus;

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
const fail = <T>(code: 'unauthorized' | 'unavailable' | 'invalid_args', message: string): IpcResult<T> => ({ ok: false, error: { code, message } });

function readSettings(): Settings {
  try {
    const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function createBrowserBridge(initialServerUrl?: string): SwitchboardBridge {
  let access: { token: string; expiresAt: number } | null = null;
  if (initialServerUrl && !localStorage.getItem(SETTINGS_KEY)) {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, serverUrl: initialServerUrl }));
  }
  const server = () => readSettings().serverUrl;
  const status = (): AuthStatus => ({ ...NO_SECURE_STORAGE, signedIn: sessionStorage.getItem(REFRESH_KEY) !== null });

  async function post(path: string, body: unknown): Promise<Response> {
    return fetch(`${server()}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
  function keep(answer: { accessToken: string; refreshToken: string; expiresIn: number }): AccessToken {
    sessionStorage.setItem(REFRESH_KEY, answer.refreshToken);
    access = { token: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000 };
    return { accessToken: access.token, expiresAt: new Date(access.expiresAt).toISOString() };
  }
  const listeners = { deepLink: new Set<(p: { ticketKey: string }) => void>(), clicked: new Set<(p: { ticketKey: string }) => void>() };
  let refreshing: Promise<IpcResult<AccessToken>> | null = null;

  const bridge: SwitchboardBridge = {
    getSettings: async () => ok(readSettings()),
    setSettings: async (patch) => {
      const parsed = SettingsPatch.safeParse(patch);
      if (!parsed.success) return fail('invalid_args', parsed.error.message);
      const current = readSettings();
      const { paneLayout, notifications, ...rest } = parsed.data;
      const next: Settings = {
        ...current,
        ...rest,
        notifications: { ...current.notifications, ...notifications },
        paneLayouts: paneLayout
          ? Object.fromEntries(Object.entries({ ...current.paneLayouts, [paneLayout.userId]: paneLayout.layout }).filter(([, v]) => v !== null))
          : current.paneLayouts,
      } as Settings;
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return ok(next);
    },
    getSettingsProblems: async () => ok([]),
    login: async ({ email, password }) => {
      let res: Response;
      try {
        res = await post('/auth/login', { email, password });
      } catch {
        return fail('unavailable', 'unreachable');
      }
      const body = (await res.json().catch(() => null)) as { error?: { code: string }; accessToken: string; refreshToken: string; expiresIn: number; agent: never } | null;
      if (!res.ok || !body) return fail(res.status === 401 ? 'unauthorized' : 'unavailable', body?.error?.code ?? `http_${res.status}`);
      return ok({ accessToken: keep(body), agent: body.agent, auth: status() });
    },
    storeRefreshToken: async () => ok(status()),
    getAccessToken: async () => {
      if (access && access.expiresAt - Date.now() > 30_000) return ok({ accessToken: access.token, expiresAt: new Date(access.expiresAt).toISOString() });
      refreshing ??= (async () => {
        const refreshToken = sessionStorage.getItem(REFRESH_KEY);
        if (!refreshToken) return fail<AccessToken>('unauthorized', 'not_signed_in');
        try {
          const res = await post('/auth/refresh', { refreshToken });
          if (res.status === 401) {
            sessionStorage.removeItem(REFRESH_KEY);
            return fail<AccessToken>('unauthorized', 'session_ended');
          }
          if (!res.ok) return fail<AccessToken>('unavailable', `http_${res.status}`);
          return ok(keep(await res.json()));
        } catch {
          return fail<AccessToken>('unavailable', 'unreachable');
        } finally {
          refreshing = null;
        }
      })();
      return refreshing;
    },
    logout: async () => {
      const refreshToken = sessionStorage.getItem(REFRESH_KEY);
      sessionStorage.removeItem(REFRESH_KEY);
      access = null;
      if (refreshToken) await post('/auth/logout', { refreshToken }).catch(() => undefined);
      return ok(null);
    },
    getAuthStatus: async () => ok(status()),
    showNotification: async ({ title, body, ticketKey }) => {
      if (typeof Notification === 'undefined' || Notification.permission === 'denied') return ok({ shown: false });
      if (Notification.permission !== 'granted' && (await Notification.requestPermission()) !== 'granted') return ok({ shown: false });
      const n = new Notification(title, { body });
      if (ticketKey) n.onclick = () => listeners.clicked.forEach((l) => l({ ticketKey }));
      return ok({ shown: true });
    },
    setTrayBadge: async ({ openTickets, pendingChanges }) => {
      document.title = pendingChanges > 0 ? `(${openTickets} · ${pendingChanges}) Switchboard` : `(${openTickets}) Switchboard`;
      return ok(null);
    },
    openExternal: async ({ url }) => {
      const safe = /^https?:\/\//i.test(url);
      if (safe) window.open(url, '_blank', 'noopener,noreferrer');
      return ok({ opened: safe });
    },
    onDeepLink: (listener) => {
      listeners.deepLink.add(listener);
      return () => listeners.deepLink.delete(listener);
    },
    onNotificationClicked: (listener) => {
      listeners.clicked.add(listener);
      return () => listeners.clicked.delete(listener);
    },
    onMenuCommand: () => () => undefined,
  };
  return bridge;
}
