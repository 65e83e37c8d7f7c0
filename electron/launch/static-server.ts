// Serves the built web console from a folder on 127.0.0.1: files only from inside it, unknown paths
// fall back to index.html, and the page gets the same strict headers the desktop window has.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The file a request path maps to inside `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(join(base, normalize(decoded)));
  return target === base || target.startsWith(base + sep) ? target : null;
}

export function serveStatic(root: string, port: number, host = '127.0.0.1'): Promise<string> {
  const server = createServer(async (req, res) => {
    let file = resolveInside(root, req.url ?? '/');
    if (!file) {
      res.writeHead(400).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) file = join(resolve(root), 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  // Port 0 picks a free port: the URL names the one bound.
  return new Promise((done) => server.listen(port, host, () => {
    const address = server.address();
    done(`http://${host}:${typeof address === 'object' && address ? address.port : port}/`);
  }));
}
