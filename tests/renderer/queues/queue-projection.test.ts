// The queue projection's pacing: while the cache is bootstrapping, bulk writes are taken in by full
// reloads spaced far apart (each decodes every open ticket), a named change is patched at once all the
// same, and the bootstrap's end reloads without waiting. And its reads: chunk after chunk through the
// open-ticket index, also in a cache an older release wrote.
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATUSES, isOpenStatus } from '../../../shared/rules/status';
import { CacheDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../renderer/db/cache-db';
import type { Ticket } from '../../../shared/schemas/ticket';
import { QueueProjection } from '../../../renderer/queues/queue-projection';
import { FIXTURE_NOW, makeConsole } from '../console-fixture';

vi.setConfig({ testTimeout: 60_000 });
const OPEN_STATUSES = STATUSES.filter(isOpenStatus);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

let projection: QueueProjection | null = null;
afterEach(() => projection?.dispose());

/** Copies of an open Service Desk ticket: `count` new tickets, enough to make a bulk (unnamed) notice. */
function newTickets(template: Ticket, count: number, prefix: string): Ticket[] {
  return Array.from({ length: count }, (_, i) => ({ ...template, id: `${prefix}-${i}`, key: null, version: 1 }));
}

async function start(bootstrapped: boolean) {
  const world = await makeConsole({ tickets: 120 });
  if (bootstrapped) await world.db.meta.put({ key: 'bootstrapped', value: true });
  projection = new QueueProjection(world.db, 'service', () => FIXTURE_NOW, { minReloadGapMs: 50, bootstrapReloadGapMs: 60_000 });
  projection.start();
  const p = projection;
  await until(() => p.getSnapshot().loaded);
  const template = world.demo.tickets.find((t) => t.desk === 'service' && t.status === 'new')!;
  const ids = () => new Set(p.getSnapshot().rows.map((r) => r.id));
  return { ...world, projection: p, template, ids };
}

describe('queue projection pacing', () => {
  it('waits out the bootstrap spacing for bulk writes, patches a named change at once, and reloads when the bootstrap ends', async () => {
    const { db, template, ids } = await start(false);
    // The projection has just loaded: the next full reload waits for the bootstrap spacing.
    await db.tickets.bulkPut(newTickets(template, 60, 'page2'));
    await db.tickets.put({ ...template, id: 'edited', key: null, version: 1 });
    await until(() => ids().has('edited'));
    await sleep(500);
    expect(ids().has('page2-0')).toBe(false);

    await db.meta.put({ key: 'bootstrapped', value: true });
    await until(() => ids().has('page2-59'));
    expect([...ids()].filter((id) => id.startsWith('page2-'))).toHaveLength(60);
  });

  it('takes in bulk writes soon once the cache is bootstrapped', async () => {
    const { db, template, ids } = await start(true);
    await db.tickets.bulkPut(newTickets(template, 60, 'page1'));
    await until(() => ids().has('page1-59'));
    await db.tickets.bulkPut(newTickets(template, 60, 'page2'));
    await until(() => ids().has('page2-59'));
  });
});

describe('queue projection reads', () => {
  const openService = (tickets: readonly Ticket[]) =>
    tickets.filter((t) => t.desk === 'service' && isOpenStatus(t.status)).map((t) => t.id).sort();

  it('reads a desk spread over many chunks and every open status, each ticket once', async () => {
    const world = await makeConsole({ tickets: 300 });
    projection = new QueueProjection(world.db, 'service', () => FIXTURE_NOW, { chunk: 7 });
    projection.start();
    const p = projection;
    await until(() => p.getSnapshot().loaded);
    const shown = p.getSnapshot().rows.map((r) => r.id);
    expect(new Set(OPEN_STATUSES.filter((s) => world.demo.tickets.some((t) => t.desk === 'service' && t.status === s))).size).toBeGreaterThan(2);
    expect(shown).toHaveLength(new Set(shown).size);
    expect([...shown].sort()).toEqual(openService(world.demo.tickets));
  });

  it('lists the tickets of a cache written by schema version 3, whose queue index the upgrade rebuilt', async () => {
    const world = await makeConsole({ tickets: 150 });
    world.db.close();
    const name = `v3-${randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.table('tickets').bulkPut(world.demo.tickets);
    old.close();

    const upgraded = new CacheDb(name);
    projection = new QueueProjection(upgraded, 'service', () => FIXTURE_NOW, { chunk: 10 });
    projection.start();
    const p = projection;
    await until(() => p.getSnapshot().loaded);
    expect(p.getSnapshot().rows.map((r) => r.id).sort()).toEqual(openService(world.demo.tickets));
    expect(await upgraded.tickets.count()).toBe(world.demo.tickets.length);
    upgraded.close();
  });
});
