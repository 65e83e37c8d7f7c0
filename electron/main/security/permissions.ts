// Web permissions: denied unless listed here *and* asked for by the console's own origin.
// Notifications (desktop alerts), persistent storage (the offline cache must not be evicted, DESIGN.md
// sync rule 8) and sanitized clipboard writes (copy a ticket link) are the whole list.
import { originOf } from '../app-origin';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'persistent-storage', 'clipboard-sanitized-write']);

export interface PermissionPolicy {
  readonly allowed: ReadonlySet<string>;
  readonly trustedOrigins: ReadonlySet<string>;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

export function isPermissionAllowed(policy: PermissionPolicy, permission: string, requestingUrl: string | undefined): boolean {
  if (!policy.allowed.has(permission)) return false;
  const origin = requestingUrl === undefined ? null : originOf(requestingUrl);
  return origin !== null && policy.trustedOrigins.has(origin);
}

/** For session.setPermissionRequestHandler. */
export function createPermissionRequestHandler(policy: PermissionPolicy) {
  return (
    _webContents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl?: string },
  ): void => {
    const granted = isPermissionAllowed(policy, permission, details.requestingUrl);
    if (!granted) policy.log?.('permission denied', { permission, url: details.requestingUrl });
    callback(granted);
  };
}

/** For session.setPermissionCheckHandler (synchronous checks such as Notification.permission). */
export function createPermissionCheckHandler(policy: PermissionPolicy) {
  return (_webContents: unknown, permission: string, requestingOrigin: string): boolean =>
    isPermissionAllowed(policy, permission, requestingOrigin);
}
