// Opens the storage, migrates it, seeds demo data when asked (or when the database is empty) and builds
// the app. Used by the command line, the tests and the benchmarks alike.
import { buildApp } from './app';
import { openPglite, openPostgres, type Database } from './db/database';
import { migrate } from './db/migrations';
import { isEmpty, seedDemo } from './db/seed';
import { generateDemo } from './demo/index';
import { ensureSystemAgent } from './sync/system-agent';

export type StartOptions = {
  /** A PostgreSQL URL; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** The PGlite data folder; without it PGlite keeps everything in memory. */
  dataDir?: string;
  seed?: 'demo' | 'none' | 'auto';
  tickets?: number;
  articles?: number;
  now?: () => Date;
  alertsKey?: string;
  logger?: boolean;
};

export async function openDatabase(options: StartOptions): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(db);
  await ensureSystemAgent(db);
  return db;
}

export async function startServer(options: StartOptions) {
  const db = await openDatabase(options);
  const seed = options.seed ?? 'auto';
  if (seed === 'demo' || (seed === 'auto' && (await isEmpty(db)))) {
    const now = options.now?.() ?? new Date();
    await seedDemo(db, generateDemo({ now, tickets: options.tickets, articles: options.articles }));
  }
  const app = await buildApp({ db, now: options.now, alertsKey: options.alertsKey, logger: options.logger });
  app.addHook('onClose', async () => db.close());
  return { app, db };
}
