// Access tokens as the sync worker uses them: asked of the page (which asks the desktop bridge), then
// kept in the worker's memory for a short while. Asking each time meant a round trip through the
// window for every request, and a window busy rendering (the click that made the change) held up the
// push and the pull after it. Held only in memory, never written anywhere; a refusal asks afresh, and
// the reuse window is far shorter than a token's life, so even a connection that cannot see a refusal
// (the event stream) never reconnects with a stale one for long.
import type { TokenSource } from './api';

export const TOKEN_REUSE_MS = 60_000;

export function createTokenCache(
  ask: (refresh: boolean) => Promise<string>,
  options: { first?: string; now?: () => number; reuseMs?: number } = {},
): TokenSource {
  const now = options.now ?? Date.now;
  const reuseMs = options.reuseMs ?? TOKEN_REUSE_MS;
  let held: { token: Promise<string>; at: number } | null = options.first ? { token: Promise.resolve(options.first), at: now() } : null;

  const fetchToken = (refresh: boolean): Promise<string> => {
    const token = ask(refresh);
    const entry = { token, at: now() };
    held = entry;
    // A failed ask is not kept: the next request asks again.
    token.catch(() => {
      if (held === entry) held = null;
    });
    return token;
  };

  return {
    get: () => (held && now() - held.at < reuseMs ? held.token : fetchToken(false)),
    refresh: () => fetchToken(true),
  };
}
