// One running console per user. A second launch (e.g. a clicked switchboard:// link) hands its
// arguments to the first instance, which focuses its window and opens the link; the second quits.
import { findDeepLink } from './deep-links';
import type { DeepLink } from './deep-links';

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

export interface SingleInstanceHandlers {
  readonly focus: () => void;
  readonly openLink: (link: DeepLink | null) => void;
  readonly parseUrl: (url: string) => DeepLink | null;
}

/** Returns false (and quits) when another instance already runs. */
export function claimSingleInstance(app: SingleInstanceApp, handlers: SingleInstanceHandlers): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    handlers.focus();
    handlers.openLink(findDeepLink(argv));
  });
  // macOS delivers links as open-url events instead of arguments.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handlers.focus();
    handlers.openLink(handlers.parseUrl(url));
  });
  return true;
}
