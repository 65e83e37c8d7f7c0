// Change notices (Dexie's `storagemutated`) name whole tables where no view reads their keys, the range
// of a kind of row for shadows other than tickets', and a whole table for a delete of many rows: every
// live query merges every notice into a set of its own, and thousands of single keys made those merges
// long. Where views read the keys (tickets, ticket shadows, meta), a write of a few rows still names
// them, so the views patch just those rows. Every notice covers what changed.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import Dexie, { mergeRanges, RangeSet, rangesOverlap, type IntervalTree, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheDb } from '../../../renderer/db/cache-db';
import { observedChange } from '../../../renderer/lib/observed-keys';
import { generateDemo } from '../../../server/demo/index';

const demo = generateDemo({ now: new Date('2026-11-20T10:00:00Z'), tickets: 5, articles: 1 });
const notices: ObservabilitySet[] = [];
const listen = (parts: ObservabilitySet) => notices.push(parts);
const key = (i: number) => `k${String(i).padStart(4, '0')}`;

async function filledDb(rows: number) {
  const db = new CacheDb(`notices-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.meta.bulkPut(Array.from({ length: rows }, (_, i) => ({ key: key(i), value: i })));
  Dexie.on('storagemutated', listen);
  notices.length = 0;
  return db;
}

/** The parts of the last notice that name this table's keys and indexes. */
function partsOf(db: CacheDb, table: string): Array<[string, IntervalTree]> {
  const prefix = `idb://${db.name}/${table}/`;
  return Object.entries(notices.at(-1)!).filter(([part]) => part.startsWith(prefix)).map(([part, tree]) => [part.slice(prefix.length), tree]);
}

/** How many ranges a set holds. */
function size(tree: IntervalTree): number {
  const node = tree as { from?: unknown; l?: IntervalTree | null; r?: IntervalTree | null };
  if (node.from === undefined) return 0;
  return 1 + (node.l ? size(node.l) : 0) + (node.r ? size(node.r) : 0);
}

/** Merges a notice into a gathered set, as each live query does until it reads again. */
function extendObservabilitySet(target: ObservabilitySet, parts: ObservabilitySet): void {
  for (const [part, tree] of Object.entries(parts)) {
    if (target[part]) mergeRanges(target[part]!, tree);
    else target[part] = new RangeSet().add(tree);
  }
}

/** One range from the lowest key there is to the highest. */
function isWholeTable(tree: IntervalTree): boolean {
  const node = tree as { from?: unknown; l?: unknown; r?: unknown };
  return node.from === -Infinity && !node.l && !node.r;
}

/** The keys a notice names (each may be named twice: as written and as deleted); null for a whole table. */
function namedKeys(change: ReturnType<typeof observedChange>): Set<string> | null {
  return change && !change.all ? new Set(change.keys) : null;
}

afterEach(() => {
  Dexie.on.storagemutated.unsubscribe(listen);
});

describe('change notices', () => {
  it('announce a delete of many rows as touching the whole table, and no other table', async () => {
    const db = await filledDb(300);
    await db.meta.bulkDelete(Array.from({ length: 120 }, (_, i) => key(i)));
    const parts = partsOf(db, 'meta');
    expect(parts.map(([part]) => part).sort()).toEqual(['', ':dels']);
    for (const [, tree] of parts) expect(isWholeTable(tree)).toBe(true);
    expect(Object.keys(notices.at(-1)!).every((part) => part.startsWith(`idb://${db.name}/meta/`))).toBe(true);
    expect(observedChange(notices.at(-1)!, db.name, 'meta')).toEqual({ all: true });
    expect(await db.meta.count()).toBe(180);
  });

  it('name the keys of a delete of a few rows', async () => {
    const db = await filledDb(300);
    await db.meta.bulkDelete([key(1), key(2), key(3)]);
    const [, keys] = partsOf(db, 'meta').find(([part]) => part === '')!;
    expect(rangesOverlap(keys, new RangeSet(key(2)))).toBe(true);
    expect(rangesOverlap(keys, new RangeSet(key(250)))).toBe(false);
    expect(namedKeys(observedChange(notices.at(-1)!, db.name, 'meta'))).toEqual(new Set([key(1), key(2), key(3)]));
  });

  it('name the ticket a single write changes, for the views that patch just that row', async () => {
    const db = await filledDb(0);
    await db.tickets.put(demo.tickets[0]!);
    expect(namedKeys(observedChange(notices.at(-1)!, db.name, 'tickets'))).toEqual(new Set([demo.tickets[0]!.id]));
  });

  it('name ticket shadows by key and announce other shadows as the range of their kind', async () => {
    const db = await filledDb(0);
    await db.shadows.bulkPut([
      { key: 'ticket:t-1', data: null },
      { key: 'comment:c-1', data: null },
      { key: 'worklog:w-1', data: null },
    ]);
    const parts = notices.at(-1)!;
    expect(namedKeys(observedChange(parts, db.name, 'shadows', 'ticket:'))).toEqual(new Set(['ticket:t-1']));
    // Read without the prefix, the notice covers every comment's and worklog's shadow.
    expect(observedChange(parts, db.name, 'shadows')).toEqual({ all: true });
    const [, tree] = partsOf(db, 'shadows').find(([part]) => part === '')!;
    expect(rangesOverlap(tree, new RangeSet('comment:any-other'))).toBe(true);
    expect(rangesOverlap(tree, new RangeSet('worklog:any-other'))).toBe(true);
    expect(rangesOverlap(tree, new RangeSet('ticket:t-2'))).toBe(false);

    // Thousands of comment shadows written one by one stay one range in what a live query gathers.
    const gathered: ObservabilitySet = {};
    for (let i = 0; i < 200; i++) {
      await db.shadows.put({ key: `comment:c-${i}`, data: null });
      extendObservabilitySet(gathered, notices.at(-1)!);
    }
    expect(size(gathered[`idb://${db.name}/shadows/`]!)).toBe(1);
  });

  it('announce a single new note as touching the whole conversation table, every index included', async () => {
    const db = await filledDb(0);
    const comment = demo.comments[0]!;
    await db.comments.put(comment);
    const parts = partsOf(db, 'comments');
    expect(parts.map(([part]) => part)).toEqual(expect.arrayContaining(['', ':dels', 'ticketId']));
    for (const [, tree] of parts) expect(isWholeTable(tree)).toBe(true);
  });
});
