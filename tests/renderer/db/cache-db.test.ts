// Finding a cached ticket by its human key ("SD-1042"), through the key index schema version 5 added,
// in a new cache and in one an older console wrote.
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../server/demo/index';
import { CacheDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../renderer/db/cache-db';
import { FIXTURE_NOW } from '../console-fixture';

const demo = generateDemo({ now: FIXTURE_NOW, tickets: 60, articles: 1 });
const [service, help] = [demo.tickets.find((t) => t.desk === 'service')!, demo.tickets.find((t) => t.desk === 'help')!];
const created = { ...demo.tickets[2]!, id: randomUUID(), key: null }; // made offline: no key until the server gives one

async function expectFoundByKey(db: CacheDb): Promise<void> {
  expect((await db.ticketByKey(service.key!))?.id).toBe(service.id);
  expect((await db.ticketByKey(help.key!))?.id).toBe(help.id);
  expect(await db.ticketByKey('SD-999999')).toBeUndefined();
  expect((await db.tickets.get(created.id))?.key).toBeNull();
}

describe('tickets by key', () => {
  it('finds a ticket by its key, and none for a key no cached ticket has', async () => {
    const db = new CacheDb(`test-${randomUUID()}`);
    await db.tickets.bulkPut([...demo.tickets, created]);
    await expectFoundByKey(db);
    db.close();
  });

  it('finds them in a cache written by schema version 4, which had no key index', async () => {
    const name = `v4-${randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    await old.table('tickets').bulkPut([...demo.tickets, created]);
    old.close();

    const upgraded = new CacheDb(name);
    await expectFoundByKey(upgraded);
    expect(await upgraded.tickets.count()).toBe(demo.tickets.length + 1);
    upgraded.close();
  });
});
