// Serves a built console folder on a free port of 127.0.0.1 with the product's own static server, as a
// child process of the end-to-end harness (so the harness can stop it). Prints "console on <url>".
// Usage: tsx tests/e2e/serve-console.ts <folder>
import { createServer } from 'node:net';
import { serveStatic } from '../../electron/launch/static-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const root = process.argv[2];
if (!root) throw new Error('usage: serve-console.ts <folder>');
console.log(`console on ${await serveStatic(root, await freePort())}`);
