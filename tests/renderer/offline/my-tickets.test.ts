// The in-memory mirror of "my tickets" behind the notifications: current after every write, and a write
// costs a read of what it touched, not of every ticket the agent has.
import { randomUUID } from 'node:crypto';
import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDb } from '../../../renderer/db/cache-db';
import { watchMyTickets, type MyTickets } from '../../../renderer/offline/my-tickets';
import { rowKey } from '../../../renderer/sync/touched-rows';
import type { Ticket } from '../../../shared/schemas/ticket';
import { generateDemo } from '../../../server/demo/index';
import { FIXTURE_NOW } from '../console-fixture';

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** A cache of demo data that counts the ticket rows each read brings back. */
async function cache() {
  const demo = generateDemo({ now: FIXTURE_NOW, tickets: 400, articles: 5 });
  const db = new CacheDb(`my-tickets-${randomUUID()}`);
  const reads = { tickets: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-ticket-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'tickets') return table;
        return {
          ...table,
          getMany: async (req) => {
            const rows = await table.getMany(req);
            reads.tickets += rows.filter(Boolean).length;
            return rows;
          },
          query: async (req) => {
            const result = await table.query(req);
            reads.tickets += result.result.length;
            return result;
          },
        };
      },
    }),
  });
  await db.transaction('rw', [db.tickets, db.agents, db.organizations, db.meta], async () => {
    await db.tickets.bulkPut(demo.tickets);
    await db.agents.bulkPut(demo.agents);
    await db.organizations.bulkPut(demo.organizations);
    await db.meta.put({ key: 'bootstrapped', value: true });
  });
  const agent = demo.agents.find((a) => a.email === 'agent@example.com')!;
  return { db, reads, agent, tickets: demo.tickets };
}

function watch(db: CacheDb, actorId: string) {
  const values: MyTickets[] = [];
  const errors: unknown[] = [];
  stops.push(watchMyTickets(db, actorId, (v) => values.push(v), (e) => errors.push(e)));
  const ids = () => new Set(values.at(-1)?.snapshot.tickets.map((t) => t.id));
  return { values, errors, ids };
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}

describe('watchMyTickets', () => {
  it('holds every ticket assigned to me, and follows assignments both ways', async () => {
    const { db, agent, tickets } = await cache();
    const w = watch(db, agent.id);
    const expected = tickets.filter((t) => t.assigneeId === agent.id).map((t) => t.id);
    expect(expected.length).toBeGreaterThan(5);
    await until(() => w.ids().size === expected.length);
    expect(w.values.at(-1)?.snapshot.bootstrapped).toBe(true);

    const theirs = tickets.find((t) => t.assigneeId !== null && t.assigneeId !== agent.id)!;
    const mine = tickets.find((t) => t.assigneeId === agent.id)!;
    await db.tickets.put({ ...theirs, assigneeId: agent.id });
    await until(() => w.ids().has(theirs.id));
    await db.tickets.put({ ...mine, assigneeId: theirs.assigneeId });
    await until(() => !w.ids().has(mine.id));
    expect(w.errors).toEqual([]);
  });

  it('tells a ticket mine only through my own outstanding change by its shadow', async () => {
    const { db, agent, tickets } = await cache();
    const w = watch(db, agent.id);
    await until(() => w.values.length > 0);
    const theirs = tickets.find((t) => t.assigneeId !== null && t.assigneeId !== agent.id)!;
    // As the outbox writes an assign-to-me: the row changes, the server's copy is kept as the shadow.
    await db.transaction('rw', [db.tickets, db.shadows], async () => {
      await db.shadows.put({ key: rowKey('ticket', theirs.id), data: theirs });
      await db.tickets.put({ ...theirs, assigneeId: agent.id });
    });
    await until(() => w.values.at(-1)?.snapshot.selfAssigned.has(theirs.id) === true);
    // Confirmed: the server's row now says mine and the shadow is gone; it stays mine, no longer "by my change".
    await db.transaction('rw', [db.tickets, db.shadows], async () => {
      await db.shadows.delete(rowKey('ticket', theirs.id));
      await db.tickets.put({ ...theirs, assigneeId: agent.id, version: theirs.version + 1 } as Ticket);
    });
    await until(() => w.values.at(-1)?.snapshot.selfAssigned.has(theirs.id) === false);
    expect(w.ids().has(theirs.id)).toBe(true);
  });

  it('a change to one ticket reads that ticket again, not all of mine; others’ tickets make no new value', async () => {
    const { db, reads, agent, tickets } = await cache();
    const w = watch(db, agent.id);
    const count = tickets.filter((t) => t.assigneeId === agent.id).length;
    await until(() => w.ids().size === count);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the notice Dexie fires on open
    const valuesBefore = w.values.length;
    reads.tickets = 0;

    const mine = tickets.find((t) => t.assigneeId === agent.id)!;
    await db.tickets.put({ ...mine, subject: `${mine.subject} (updated)` });
    await until(() => w.values.at(-1)?.snapshot.tickets.find((t) => t.id === mine.id)?.subject.endsWith('(updated)') === true);
    expect(reads.tickets).toBe(1);

    const theirs = tickets.find((t) => t.assigneeId !== null && t.assigneeId !== agent.id)!;
    const valuesNow = w.values.length;
    await db.tickets.put({ ...theirs, subject: 'Someone else’s' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads.tickets).toBe(2);
    expect(w.values.length).toBe(valuesNow);
    expect(valuesNow).toBe(valuesBefore + 1);
  });

  it('shadows cleared all at once: read again without reading my tickets again', async () => {
    const { db, reads, agent, tickets } = await cache();
    const w = watch(db, agent.id);
    // The first read done and the notice Dexie fires on open handled, so neither lands after the count starts.
    await until(() => w.values.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const theirs = tickets.find((t) => t.assigneeId !== null && t.assigneeId !== agent.id)!;
    await db.transaction('rw', [db.tickets, db.shadows], async () => {
      await db.shadows.put({ key: rowKey('ticket', theirs.id), data: theirs });
      await db.tickets.put({ ...theirs, assigneeId: agent.id });
    });
    await until(() => w.values.at(-1)?.snapshot.selfAssigned.has(theirs.id) === true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    reads.tickets = 0;
    await db.shadows.clear();
    await until(() => w.values.at(-1)?.snapshot.selfAssigned.has(theirs.id) === false);
    expect(reads.tickets).toBe(0);
  });

  it('reads no tickets while the cache bootstraps, and all of mine once it is bootstrapped', async () => {
    const { db, reads, agent, tickets } = await cache();
    await db.meta.put({ key: 'bootstrapped', value: false });
    const w = watch(db, agent.id);
    await until(() => w.values.length > 0);
    reads.tickets = 0;
    // Bootstrap pages: bulk writes whose notices name no keys.
    await db.tickets.bulkPut(tickets.slice(0, 100));
    await db.tickets.bulkPut(tickets.slice(100, 200));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads.tickets).toBe(0);
    expect(w.values.at(-1)?.snapshot.bootstrapped).toBe(false);

    await db.meta.put({ key: 'bootstrapped', value: true });
    const mine = tickets.filter((t) => t.assigneeId === agent.id).length;
    await until(() => w.values.at(-1)?.snapshot.bootstrapped === true && w.ids().size === mine);
  });
});
