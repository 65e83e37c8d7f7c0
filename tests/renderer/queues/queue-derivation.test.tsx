// A big queue's views are worked out after the render, in slices: the pane keeps its last result until
// the new one is whole, and a result of inputs that changed meanwhile never shows.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../server/demo/index';
import { toQueueRow, type QueueRow } from '../../../renderer/queues/queue-row';
import { SlaClocks } from '../../../renderer/queues/sla-schedule';
import { sortOrder, type SortContext, type SortSpec } from '../../../renderer/queues/sorting';
import { INLINE_ROWS, useQueueDerivation, type DerivationInputs } from '../../../renderer/queues/use-queue-derivation';
import { membership, viewCounts, type ViewContext } from '../../../renderer/queues/views';

const NOW = new Date('2026-11-20T10:00:00Z');
const demo = generateDemo({ now: NOW, tickets: 400, articles: 1 });
const agent = demo.agents.find((a) => a.email === 'agent@example.com')!;
const orgs = new Map(demo.organizations.map((o) => [o.id, { id: o.id, name: o.name, timeZone: o.timeZone }]));
const clocks = new SlaClocks(NOW.getTime());
const sample = demo.tickets.map((t) => toQueueRow(t, orgs, clocks, NOW.getTime()));

/** `n` rows made from the demo's, each a ticket of its own. */
const rowsOf = (n: number): QueueRow[] =>
  Array.from({ length: n }, (_, i) => ({ ...sample[i % sample.length]!, id: `t${i}`, key: `SD-${i}`, keyNum: i }));

const view: ViewContext = { actorId: agent.id, groupIds: new Set(agent.groupIds), sla: clocks.readerAt(NOW.getTime()) };
const sortContext: SortContext = {
  organizationName: (id) => orgs.get(id)?.name,
  agentName: (id) => demo.agents.find((a) => a.id === id)?.name,
  label: (_kind, value) => value,
  sla: view.sla,
};
const BY_SLA: SortSpec = { column: 'sla', direction: 'ascending' };
const BY_UPDATED: SortSpec = { column: 'updated', direction: 'descending' };

function expected(rows: QueueRow[], sort: SortSpec) {
  const bits = membership(rows, view);
  return { rows, bits, order: sortOrder(rows, sort, sortContext), counts: viewCounts(rows, bits, []) };
}

describe('queue derivation', () => {
  it('works out a small queue in the render', () => {
    const rows = rowsOf(500);
    const { result } = renderHook(() => useQueueDerivation({ rows, view, sort: BY_SLA, sortContext, saved: [] }));
    expect(result.current).toEqual(expected(rows, BY_SLA));
  });

  it('works out a big queue after the render, keeping the last result until the new one is whole', async () => {
    const small = rowsOf(1000);
    const big = rowsOf(INLINE_ROWS * 3);
    const { result, rerender } = renderHook((inputs: DerivationInputs) => useQueueDerivation(inputs), {
      initialProps: { rows: small, view, sort: BY_SLA, sortContext, saved: [] },
    });
    const first = result.current;
    expect(first?.rows).toBe(small);

    rerender({ rows: big, view, sort: BY_SLA, sortContext, saved: [] });
    expect(result.current).toBe(first);
    await waitFor(() => expect(result.current?.rows).toBe(big));
    expect(result.current).toEqual(expected(big, BY_SLA));

    // A new sort keeps the bits and counts, and shows the old order until the new one is ready.
    const before = result.current!;
    rerender({ rows: big, view, sort: BY_UPDATED, sortContext, saved: [] });
    expect(result.current).toBe(before);
    await waitFor(() => expect(result.current).not.toBe(before));
    expect(result.current!.bits).toBe(before.bits);
    expect(result.current!.order).toEqual(expected(big, BY_UPDATED).order);
  });

  it('never shows the result of inputs that changed while it was worked out', async () => {
    const big = rowsOf(INLINE_ROWS * 3);
    const bigger = rowsOf(INLINE_ROWS * 4);
    const seen: Array<readonly QueueRow[] | undefined> = [];
    const { result, rerender } = renderHook((inputs: DerivationInputs) => {
      const derived = useQueueDerivation(inputs);
      seen.push(derived?.rows);
      return derived;
    }, { initialProps: { rows: big, view, sort: BY_SLA, sortContext, saved: [] } });
    expect(result.current).toBeNull();
    act(() => rerender({ rows: bigger, view, sort: BY_SLA, sortContext, saved: [] }));
    await waitFor(() => expect(result.current?.rows).toBe(bigger));
    expect(seen).not.toContain(big);
    expect(result.current).toEqual(expected(bigger, BY_SLA));
  });
});
