// Where the console is loaded from, and which origins main trusts. Packaged builds load only
// app://console (the renderer files inside the asar); a dev server URL is honoured only when
// unpackaged, and only on the loopback interface.

export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of a URL, or null. WHATWG URL gives every non-special scheme the opaque origin "null",
 * so our own app: scheme is recognised by hand, and only with its one host.
 */
export function originOf(url: string): string | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  if (/^app:\/\/console(?:[/?#]|$)/.test(url)) return APP_ORIGIN;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.origin;
}

export interface RendererLocation {
  /** What the window loads. */
  readonly url: string;
  /** The origins whose main frame may call IPC and navigate within the app. */
  readonly trustedOrigins: ReadonlySet<string>;
  /** The dev server's origin when one is used (it then also needs CSP allowances). */
  readonly devServerOrigin: string | null;
}

/** Chooses the console's URL: ELECTRON_RENDERER_URL only when unpackaged and on loopback. */
export function resolveRendererLocation(isPackaged: boolean, devUrl: string | undefined): RendererLocation {
  if (!isPackaged && devUrl) {
    try {
      const url = new URL(devUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && url.username === '') {
        return { url: url.href, trustedOrigins: new Set([url.origin]), devServerOrigin: url.origin };
      }
    } catch {
      // fall through to the packaged files
    }
  }
  return { url: APP_ENTRY_URL, trustedOrigins: new Set([APP_ORIGIN]), devServerOrigin: null };
}
