// switchboard:// deep links. Exactly one form opens anything: switchboard://ticket/<KEY> (an optional
// trailing slash allowed). Other hosts, extra path segments, traversal, queries, encoded characters
// and oversized strings are ignored: a link comes from anywhere (a web page, an email), so it may
// only ever select a ticket, never carry data or commands.
import { TicketKey } from '../../../shared/ipc/contract';

export const DEEP_LINK_SCHEME = 'switchboard';
export const MAX_DEEP_LINK_LENGTH = 200;

export interface DeepLink {
  readonly ticketKey: string;
}

export function parseDeepLink(raw: unknown): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  const match = /^switchboard:\/\/ticket\/([A-Za-z]{2,5}-[0-9]{1,9})\/?$/i.exec(raw);
  if (match === null || match[1] === undefined) return null;
  const key = TicketKey.safeParse(match[1].toUpperCase());
  return key.success ? { ticketKey: key.data } : null;
}

/** The deep link among a launch's command-line arguments (Windows and Linux pass it there). */
export function findDeepLink(argv: readonly unknown[]): DeepLink | null {
  if (!Array.isArray(argv) || argv.length > 100) return null;
  for (const arg of argv) {
    if (typeof arg === 'string' && arg.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase() === `${DEEP_LINK_SCHEME}:`) {
      return parseDeepLink(arg);
    }
  }
  return null;
}

/**
 * Holds a link until the console can receive it: a link that starts the app arrives before the window
 * has loaded, and only the latest one matters.
 */
export function createDeepLinkRouter(deliver: (link: DeepLink) => void) {
  let ready = false;
  let pending: DeepLink | null = null;
  return {
    open(link: DeepLink | null): void {
      if (link === null) return;
      if (ready) deliver(link);
      else pending = link;
    },
    ready(): void {
      ready = true;
      if (pending !== null) {
        const link = pending;
        pending = null;
        deliver(link);
      }
    },
    notReady(): void {
      ready = false;
    },
  };
}
