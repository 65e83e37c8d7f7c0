// A signed-in console for component tests: a Dexie cache on fake-indexeddb filled with deterministic demo
// data, the real outbox (changes land in the cache and the outbox exactly as in the product), and an
// API pointed at a server that is not there (the console is offline).
import { randomUUID } from 'node:crypto';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Agent } from '../../shared/schemas/entities';
import { ConsoleProvider, type ConsoleServices } from '../../renderer/app/console-context';
import { CacheDb } from '../../renderer/db/cache-db';
import { createSyncApi } from '../../renderer/sync/api';
import { enqueue } from '../../renderer/sync/outbox';
import type { SyncClient } from '../../renderer/sync/sync-client';
import { generateDemo } from '../../server/demo/index';

export const FIXTURE_NOW = new Date('2026-11-20T10:00:00Z');

export async function makeConsole(options: { email?: string; tickets?: number; articles?: number } = {}) {
  const demo = generateDemo({ now: FIXTURE_NOW, tickets: options.tickets ?? 200, articles: options.articles ?? 40 });
  const db = new CacheDb(`test-${randomUUID()}`);
  await db.transaction('rw', [db.tickets, db.comments, db.worklogs, db.articles, db.agents, db.groups, db.shifts, db.organizations], async () => {
    await db.tickets.bulkPut(demo.tickets);
    await db.comments.bulkPut(demo.comments);
    await db.worklogs.bulkPut(demo.worklogs);
    await db.articles.bulkPut(demo.articles);
    await db.agents.bulkPut(demo.agents);
    await db.groups.bulkPut(demo.groups);
    await db.shifts.bulkPut(demo.shifts);
    await db.organizations.bulkPut(demo.organizations);
  });
  const actor = demo.agents.find((a) => a.email === (options.email ?? 'agent@example.com')) as Agent;
  const now = () => FIXTURE_NOW;
  const services: ConsoleServices = {
    actor,
    db,
    api: createSyncApi({ baseUrl: 'http://127.0.0.1:9/api/v1', tokens: { get: async () => 'token', refresh: async () => 'token' } }),
    change: (name, args) => enqueue({ db, actor, now, newId: randomUUID }, name, args),
    newId: randomUUID,
    now,
  };
  return { services, demo, db, actor };
}

export function renderInConsole(ui: ReactElement, services: ConsoleServices) {
  return render(<ConsoleProvider services={services}>{ui}</ConsoleProvider>);
}

/** A sync client for tests of the console's screens without its worker: started, never syncing. */
export const idleSync: SyncClient = {
  started: Promise.resolve(),
  requestSync: () => undefined,
  resyncFromScratch: () => undefined,
  onPresence: () => () => undefined,
  isLeader: () => true,
  stop: () => undefined,
};
