// A test server on a PGlite data folder that can be stopped and started again on the same data and the
// same port, so consoles keep their base URL, tokens and cursors across a server restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../server/start';
import { startTestServer, type TestServer } from '../../server/harness';

export type RestartableServer = TestServer & {
  /** Closes the app and its database, then opens the same data folder again, with no seeding. */
  restart(): Promise<void>;
  /** Replaces the database with a freshly seeded one (a new epoch) on the same port: a server reset. */
  reset(): Promise<void>;
  restarts: number;
};

export async function startRestartableServer(options: { tickets: number; articles: number }): Promise<RestartableServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-pbt-'));
  const first = await startTestServer('pglite', { ...options, dataDir });
  const port = Number(new URL(first.url).port);
  let app = first.app;
  let db = first.db;
  let restarts = 0;
  const server: RestartableServer = {
    ...first,
    get app() {
      return app;
    },
    get db() {
      return db;
    },
    get restarts() {
      return restarts;
    },
    async restart() {
      await app.close();
      const next = await startServer({ dataDir, seed: 'none' });
      await next.app.listen({ port, host: '127.0.0.1' });
      app = next.app;
      db = next.db;
      restarts++;
    },
    async reset() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
      const next = await startServer({ ...options, dataDir, seed: 'demo' });
      await next.app.listen({ port, host: '127.0.0.1' });
      app = next.app;
      db = next.db;
    },
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
