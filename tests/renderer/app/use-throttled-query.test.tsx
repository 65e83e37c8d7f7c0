// The live read behind the outbox's counts and lists: a burst of writes (a field tech's offline changes,
// a replay) is read a bounded number of times, yet the view always ends on the last write; other
// tables' writes are no reason to read.
import { renderHook, waitFor } from '@testing-library/react';
import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { useThrottledQuery } from '../../../renderer/lib/use-throttled-query';

class Scratch extends Dexie {
  items!: Table<{ id: number }, number>;
  other!: Table<{ id: number }, number>;
  constructor() {
    super(`throttled-${Math.random()}`);
    this.version(1).stores({ items: 'id', other: 'id' });
  }
}

const opened: Scratch[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function setup() {
  const db = new Scratch();
  opened.push(db);
  let reads = 0;
  const { result } = renderHook(() => useThrottledQuery(db, ['items'], async () => {
    reads++;
    return db.items.count();
  }, []));
  return { db, result, reads: () => reads };
}

describe('useThrottledQuery', () => {
  it('reads a burst of 300 writes a few times and ends on the last one', async () => {
    const { db, result, reads } = setup();
    await waitFor(() => expect(result.current).toBe(0));
    const before = reads();
    for (let i = 1; i <= 300; i++) await db.items.add({ id: i });
    await waitFor(() => expect(result.current).toBe(300));
    expect(reads() - before).toBeLessThan(30);
  });

  it('does not read again for writes to tables it does not name', async () => {
    const { db, result, reads } = setup();
    await waitFor(() => expect(result.current).toBe(0));
    // Opening the database announces a change of everything: let that read go by first.
    await new Promise((r) => setTimeout(r, 350));
    const before = reads();
    await db.other.bulkAdd([{ id: 1 }, { id: 2 }]);
    await db.other.add({ id: 3 });
    await new Promise((r) => setTimeout(r, 350));
    expect(reads()).toBe(before);
  });
});
