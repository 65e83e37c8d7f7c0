// A few tickets changed in place (an edit, a note, an assignment) update the last views of a queue row
// by row. Whatever the column, direction and change, the patched order, bits and counts must be exactly
// what working everything out again over the new rows gives.
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS } from '../../../renderer/queues/columns';
import { toQueueRow, type QueueRow } from '../../../renderer/queues/queue-row';
import { SlaClocks } from '../../../renderer/queues/sla-schedule';
import { reorder, sortOrder, type SortContext, type SortDirection } from '../../../renderer/queues/sorting';
import { membership, rebit, recount, viewCounts, type SavedView, type ViewContext } from '../../../renderer/queues/views';
import { generateDemo } from '../../../server/demo/index';

const NOW = new Date('2026-11-20T10:00:00Z');
const demo = generateDemo({ now: NOW, tickets: 800, articles: 1 });
const agent = demo.agents.find((a) => a.email === 'agent@example.com')!;
const orgs = new Map(demo.organizations.map((o) => [o.id, { id: o.id, name: o.name, timeZone: o.timeZone }]));
const clocks = new SlaClocks(NOW.getTime());
const sla = clocks.readerAt(NOW.getTime() + 3_600_000);
const rows = demo.tickets.map((t) => toQueueRow(t, orgs, clocks, NOW.getTime()));
const agentNames = new Map(demo.agents.map((a) => [a.id, a.name]));
const orgNames = new Map(demo.organizations.map((o) => [o.id, o.name]));
const ctx: SortContext = {
  organizationName: (id) => orgNames.get(id),
  agentName: (id) => agentNames.get(id),
  label: (kind, value) => `${kind}:${value}`,
  sla,
};
const view: ViewContext = { actorId: agent.id, groupIds: new Set(agent.groupIds), sla };
const saved: SavedView[] = [{ id: 'v1', name: 'Printers', desk: 'service', base: 'allOpen', filter: 'a', sort: { column: 'updated', direction: 'descending' } }];

/** A seeded pseudo-random sequence, so a failure repeats. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Copies of a few rows with what agents change: assignee, priority, status, times, requester, clock. */
function changeSome(source: readonly QueueRow[], count: number, next: () => number): { rows: QueueRow[]; changed: number[] } {
  const out = [...source];
  const changed = new Set<number>();
  while (changed.size < count) changed.add(Math.floor(next() * source.length));
  for (const i of changed) {
    const donor = source[Math.floor(next() * source.length)]!;
    const row = source[i]!;
    out[i] = {
      ...row,
      assigneeId: next() < 0.3 ? null : donor.assigneeId,
      priority: donor.priority,
      priorityRank: donor.priorityRank,
      status: next() < 0.5 ? donor.status : row.status,
      updatedMs: next() < 0.5 ? row.updatedMs : donor.updatedMs,
      requester: next() < 0.5 ? row.requester : donor.requester,
      search: donor.search,
      sla: next() < 0.5 ? row.sla : donor.sla,
    };
  }
  return { rows: out, changed: [...changed] };
}

describe('a queue patched row by row', () => {
  const directions: SortDirection[] = ['ascending', 'descending'];
  for (const column of COLUMN_IDS) {
    for (const direction of directions) {
      it(`keeps the order a new sort gives, sorted by ${column} ${direction}`, () => {
        const next = random(column.length * 31 + direction.length);
        let current = rows;
        let order = sortOrder(current, { column, direction }, ctx);
        for (let round = 0; round < 5; round++) {
          const { rows: changedRows, changed } = changeSome(current, 1 + round * 3, next);
          const patched = reorder(changedRows, current, order, changed, { column, direction }, ctx);
          const expected = sortOrder(changedRows, { column, direction }, ctx);
          expect(patched).not.toBeNull();
          expect([...patched!]).toEqual([...expected]);
          current = changedRows;
          order = patched!;
        }
      });
    }
  }

  it('sorts anew when a changed row got another ticket key (a new ticket numbered by the server)', () => {
    const order = sortOrder(rows, { column: 'updated', direction: 'descending' }, ctx);
    const renumbered = [...rows];
    renumbered[3] = { ...rows[3]!, keyNum: rows[3]!.keyNum + 100_000 };
    expect(reorder(renumbered, rows, order, [3], { column: 'updated', direction: 'descending' }, ctx)).toBeNull();
  });

  it('keeps the bits and counts of every view that working them out again gives', () => {
    const next = random(7);
    let current = rows;
    let bits = membership(current, view);
    let counts = viewCounts(current, bits, saved);
    for (let round = 0; round < 8; round++) {
      const { rows: changedRows, changed } = changeSome(current, 1 + round * 2, next);
      const patchedBits = rebit(bits, changedRows, changed, view);
      const patchedCounts = recount(counts, saved, changed.map((i) => ({ before: current[i]!, beforeBits: bits[i]!, after: changedRows[i]!, afterBits: patchedBits[i]! })));
      expect([...patchedBits]).toEqual([...membership(changedRows, view)]);
      expect(patchedCounts).toEqual(viewCounts(changedRows, patchedBits, saved));
      current = changedRows;
      bits = patchedBits;
      counts = patchedCounts;
    }
    // The changes moved rows in and out of views: the counts were really patched, not left as they were.
    expect(counts).not.toEqual(viewCounts(rows, membership(rows, view), saved));
  });
});
