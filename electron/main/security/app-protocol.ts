// The app:// protocol serves the built renderer from one folder and nothing else. A request path is
// refused when it could climb out of that folder or name another one: `..` (plain or percent-encoded,
// even twice), backslashes, absolute paths (`//etc`, `/C:/…`), NUL bytes and anything still
// percent-encoded after one decoding. The last word is a containment check on the resolved path.
import { extname, resolve, sep } from 'node:path';
import { APP_ORIGIN } from '../app-origin';

const MAX_URL_LENGTH = 2048;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `rootDir` that `requestUrl` names, or null when the request must be refused. */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return null;
  const prefix = `${APP_ORIGIN}/`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix && requestUrl.toLowerCase() !== APP_ORIGIN) return null;
  const rawPath = requestUrl.slice(APP_ORIGIN.length).replace(/[?#].*$/s, '') || '/';

  if (/\\|%5c|%00|%2e|%2f/i.test(rawPath)) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\%:]/.test(path) || path.startsWith('//')) return null;

  const segments = path.slice(1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  if (segments.slice(0, -1).some((segment) => segment === '')) return null;

  const last = segments.at(-1) ?? '';
  // Client-side routes (no file extension) get the single page; so does the bare origin.
  const relative = last === '' || !last.includes('.') ? ['index.html'] : segments;

  const root = resolve(rootDir);
  const file = resolve(root, ...relative);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppProtocolOptions {
  readonly rootDir: string;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Read per response, so a changed server URL shows up in the next page load's policy. */
  readonly contentSecurityPolicy: () => string;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

/** The handler given to protocol.handle('app', …). */
export function createAppProtocolHandler(options: AppProtocolOptions) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppPath(options.rootDir, request.url);
    if (file === null) {
      options.log?.('app:// request refused', { url: request.url });
      return new Response(null, { status: 403 });
    }
    let body: Uint8Array;
    try {
      body = await options.readFile(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeOf(file),
        'Content-Security-Policy': options.contentSecurityPolicy(),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
