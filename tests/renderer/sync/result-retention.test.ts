// The details of applied results kept in the cache's meta table (`result:<id>`, read by the supervisor
// pane for its last bulk action and handover) are bounded: the newest KEPT_RESULTS stay, older ones and
// strays from before go, and nothing else in meta is touched.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CacheDb, type OutboxEntry } from '../../../renderer/db/cache-db';
import { recordResults, resultKey } from '../../../renderer/sync/push-results';
import { KEPT_RESULTS } from '../../../renderer/sync/result-retention';
import type { MutationResult } from '../../../shared/protocol/sync';
import { generateDemo } from '../../../server/demo/index';

const NOW = new Date('2026-11-20T10:00:00Z');
const demo = generateDemo({ now: NOW, tickets: 5, articles: 1 });
const actor = demo.agents.find((a) => a.email === 'supervisor@example.com')!;
const ticketId = demo.tickets[0]!.id;

function openDb() {
  return new CacheDb(`retention-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

let seq = 0;
/** Queues a bulk action and answers it as the server would: applied, with per-ticket details. */
async function sendAndAnswer(db: CacheDb, withDetails = true): Promise<string> {
  const entry: OutboxEntry = {
    id: randomUUID(), seq: ++seq, name: 'ticket.bulkAssign', at: NOW.toISOString(), state: 'pending',
    args: { ticketIds: [ticketId], assigneeId: actor.id },
  } as OutboxEntry;
  await db.outbox.put(entry);
  const result: MutationResult = withDetails
    ? { id: entry.id, seq: entry.seq, status: 'applied', details: { tickets: [{ ticketId, status: 'applied' }] } }
    : { id: entry.id, seq: entry.seq, status: 'applied' };
  await recordResults(db, [result], actor, NOW.toISOString());
  return entry.id;
}

const resultKeys = async (db: CacheDb) => (await db.meta.where('key').startsWith('result:').primaryKeys()).sort();

describe('kept result details', () => {
  it('keeps the newest results and forgets older ones as new ones arrive', async () => {
    const db = openDb();
    await db.meta.bulkPut([{ key: 'nextSeq', value: 99 }, { key: 'bootstrapped', value: true }]);
    const sent: string[] = [];
    for (let i = 0; i < KEPT_RESULTS + 7; i++) sent.push(await sendAndAnswer(db));

    expect(await resultKeys(db)).toEqual(sent.slice(-KEPT_RESULTS).map(resultKey).sort());
    // The newest one reads as the pane reads it.
    expect(await db.getMeta(resultKey(sent.at(-1)!))).toEqual({ tickets: [{ ticketId, status: 'applied' }] });
    expect(await db.getMeta(resultKey(sent[0]!))).toBeUndefined();
    // The rest of meta is as it was.
    expect(await db.getMeta('nextSeq')).toBe(99);
    expect(await db.getMeta('bootstrapped')).toBe(true);
    db.close();
  });

  it('drops results kept before retention existed, and keeps no entry for results without details', async () => {
    const db = openDb();
    const stray = resultKey(randomUUID());
    await db.meta.put({ key: stray, value: { moved: [] } });
    const plain = await sendAndAnswer(db, false);
    expect(await resultKeys(db)).toEqual([stray]); // nothing new to keep, nothing swept
    const kept = await sendAndAnswer(db);
    expect(await resultKeys(db)).toEqual([resultKey(kept)]);
    expect(await db.getMeta(resultKey(plain))).toBeUndefined();
    db.close();
  });

  it('counts a result answered twice (a replayed push) once', async () => {
    const db = openDb();
    const first = await sendAndAnswer(db);
    const entry = (await db.outbox.filter((e) => e.id === first).first())!;
    for (let i = 0; i < 3; i++) {
      await recordResults(db, [{ id: first, seq: entry.seq, status: 'applied', details: { tickets: [] } }], actor, NOW.toISOString());
    }
    expect(await db.getMeta<string[]>('results:order')).toEqual([first]);
    db.close();
  });
});
