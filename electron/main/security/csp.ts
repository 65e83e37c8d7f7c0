// The window's Content-Security-Policy. The console may connect only to the configured ticket server
// (fetch and SSE); scripts come only from the app itself; never 'unsafe-eval', never a wildcard.
// A server URL that does not parse yields `connect-src 'none'`: fail closed, not open.
import { ServerUrl } from '../../../shared/ipc/settings';

export interface CspOptions {
  readonly serverUrl: string;
  /** Unpackaged runs with a Vite dev server: its origin and HMR socket, and inline dev preambles. */
  readonly devServerOrigin?: string | null;
}

/** The origin of a valid server URL, or null. */
export function serverOriginOf(serverUrl: string): string | null {
  const parsed = ServerUrl.safeParse(serverUrl);
  if (!parsed.success) return null;
  return new URL(parsed.data).origin;
}

function devSocketOrigin(origin: string): string {
  return origin.replace(/^http/, 'ws');
}

export function buildCsp(options: CspOptions): string {
  const server = serverOriginOf(options.serverUrl);
  const dev = options.devServerOrigin ? serverOriginOf(options.devServerOrigin) : null;
  const self = ["'self'", ...(dev ? [dev] : [])];
  const connect = [...(server ? [server] : []), ...(dev ? [dev, devSocketOrigin(dev)] : [])];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', [...self, ...(dev ? ["'unsafe-inline'"] : [])]],
    ['style-src', [...self, ...(dev ? ["'unsafe-inline'"] : [])]],
    ['img-src', [...self, 'data:', 'blob:']],
    ['font-src', [...self, 'data:']],
    ['media-src', [...self, 'blob:']],
    ['worker-src', self],
    ['connect-src', connect.length > 0 ? connect : ["'none'"]],
    ['manifest-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['child-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
    ['base-uri', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
