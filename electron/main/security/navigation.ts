// Guards for every webContents: the console never navigates away from its own origin, never opens a
// new window, never attaches a <webview>. Links meant for the outside go to the system browser, and
// only through the checked openExternal.
import type { WebContents } from 'electron';
import { originOf } from '../app-origin';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationPolicy {
  readonly trustedOrigins: ReadonlySet<string>;
  /** Hands an http(s) link to the system browser; the opener itself re-checks the URL. */
  readonly openExternal: (url: string) => void;
  readonly log: (message: string, details?: Record<string, unknown>) => void;
}

export function isTrustedNavigation(url: string, trustedOrigins: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.has(origin);
}

/** For will-navigate / will-frame-navigate: stay on the app origin; a clicked http(s) link opens outside. */
export function createNavigationGuard(policy: NavigationPolicy) {
  return (event: PreventableEvent, url: string): void => {
    if (isTrustedNavigation(url, policy.trustedOrigins)) return;
    event.preventDefault();
    policy.log('navigation blocked', { url });
    if (/^https?:/i.test(url)) policy.openExternal(url);
  };
}

/** For will-redirect: a redirect off the app origin is refused outright (no external hand-off). */
export function createRedirectGuard(policy: NavigationPolicy) {
  return (event: PreventableEvent, url: string): void => {
    if (isTrustedNavigation(url, policy.trustedOrigins)) return;
    event.preventDefault();
    policy.log('redirect blocked', { url });
  };
}

/** For setWindowOpenHandler: every new window is denied; http(s) links go to the system browser. */
export function createWindowOpenHandler(policy: NavigationPolicy) {
  return (details: { url: string }): { action: 'deny' } => {
    if (/^https?:/i.test(details.url)) policy.openExternal(details.url);
    else policy.log('window.open blocked', { url: details.url });
    return { action: 'deny' };
  };
}

export function blockWebviewAttach(event: PreventableEvent): void {
  event.preventDefault();
}

export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Attaches every guard above to one webContents (the console window, and any other that appears). */
export function attachWebContentsGuards(contents: GuardableContents, policy: NavigationPolicy): void {
  const navigation = createNavigationGuard(policy);
  const redirect = createRedirectGuard(policy);
  contents.on('will-navigate', (event) => navigation(event, event.url));
  // Subframes (CSP already forbids them) never hand a link to the system browser.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) redirect(event, event.url);
  });
  contents.on('will-redirect', (event) => redirect(event, event.url));
  contents.on('will-attach-webview', (event) => {
    blockWebviewAttach(event);
    policy.log('webview attach blocked');
  });
  contents.setWindowOpenHandler(createWindowOpenHandler(policy));
}

/** Guards every webContents the app ever creates, from the moment it exists. */
export function installWebContentsGuards(
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableContents) => void): unknown },
  policy: NavigationPolicy,
): void {
  app.on('web-contents-created', (_event, contents) => attachWebContentsGuards(contents, policy));
}
