// Every contract channel's handler, built from the services main owns. The IpcHandlers type makes a
// missing channel a compile error; registerIpcHandlers refuses one at start-up as well.
import type { NotificationRequest, TrayBadge } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/ipc/settings';
import type { AuthService } from '../auth/auth-service';
import type { SettingsStore } from '../settings/settings-store';
import type { IpcHandlers } from './register';

export interface HandlerDeps {
  readonly settings: SettingsStore;
  readonly auth: AuthService;
  readonly notifier: { show(request: NotificationRequest): { shown: boolean } };
  readonly trayBadge: { update(badge: TrayBadge): unknown };
  readonly openExternal: (url: string) => Promise<boolean>;
  /** Language, server and menu follow-ups of a settings change. */
  readonly onSettingsChanged: (before: Settings, after: Settings) => void;
}

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'app:settings:get': () => deps.settings.get(),
    'app:settings:set': (patch) => {
      const before = deps.settings.get();
      const after = deps.settings.update(patch);
      // A session belongs to one server: moving to another never sends it this server's token.
      if (before.serverUrl !== after.serverUrl) deps.auth.forget();
      deps.onSettingsChanged(before, after);
      return after;
    },
    'app:settings:problems': () => [...deps.settings.problems()],
    'app:auth:login': ({ email, password }) => deps.auth.login(email, password),
    'app:auth:storeRefreshToken': ({ refreshToken }) => deps.auth.storeRefreshToken(refreshToken),
    'app:auth:getAccessToken': () => deps.auth.getAccessToken(),
    'app:auth:logout': async () => {
      await deps.auth.logout();
      return null;
    },
    'app:auth:status': () => deps.auth.status(),
    'app:notifications:show': (request) => deps.notifier.show(request),
    'app:tray:setBadge': (badge) => {
      deps.trayBadge.update(badge);
      return null;
    },
    'app:shell:openExternal': async ({ url }) => ({ opened: await deps.openExternal(url) }),
  };
}
