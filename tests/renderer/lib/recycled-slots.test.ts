// Slots for a virtualized list's rows: after a short scroll a row keeps its slot while it stays in view,
// and the rows that come in take the slots the others left; after a long one every slot goes to the row
// now at its place in the window. Either way the rendered set of keys changes as little as it can.
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { nextSlots, NO_SLOTS, useRecycledSlots } from '../../../renderer/lib/recycled-slots';

/** The slots of `indices` after a window whose slots were `previous` (its origin plays no part in them). */
const assignSlots = (previous: ReadonlyMap<number, number>, indices: number[]) => nextSlots({ ...NO_SLOTS, byIndex: previous }, indices).byIndex;

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const slotsOf = (map: ReadonlyMap<number, number>, indices: number[]) => indices.map((i) => map.get(i));

describe('recycled slots', () => {
  it('numbers a first window from zero', () => {
    expect(slotsOf(assignSlots(new Map(), [0, 1, 2]), [0, 1, 2])).toEqual([0, 1, 2]);
  });

  it('keeps the slots of rows still in view and hands the freed ones to the rows that came in', () => {
    const first = assignSlots(new Map(), range(0, 10));
    const next = assignSlots(first, range(4, 14));
    expect(slotsOf(next, range(4, 10))).toEqual([4, 5, 6, 7, 8, 9]);
    expect(slotsOf(next, range(10, 14))).toEqual([0, 1, 2, 3]);
    expect(new Set(next.values())).toEqual(new Set(range(0, 10)));
  });

  it('after a scroll of more than half the window, hands each slot to the row now at its place', () => {
    // Slots out of order, as short scrolls leave them: 0 and 1 went to the rows that came in at the end.
    const scrolled = assignSlots(assignSlots(new Map(), range(0, 6)), range(2, 8));
    expect(slotsOf(scrolled, range(2, 8))).toEqual([2, 3, 4, 5, 0, 1]);
    // Two of six rows stay in view (6 and 7), but not at their places: every row takes the slot of its place.
    const paged = assignSlots(scrolled, range(6, 12));
    expect(slotsOf(paged, range(6, 12))).toEqual([2, 3, 4, 5, 0, 1]);
    // A longer window gets new slots at its end.
    expect(slotsOf(assignSlots(paged, range(40, 47)), range(40, 47))).toEqual([2, 3, 4, 5, 0, 1, 6]);
  });

  it('places rows from the first one shown when the slots last went by place', () => {
    const { result, rerender } = renderHook(({ indices }) => useRecycledSlots(indices), { initialProps: { indices: range(0, 10) } });
    expect(result.current.origin).toBe(0);
    rerender({ indices: range(3, 13) }); // most rows stay: they keep their slots and places
    expect(result.current.origin).toBe(0);
    expect(result.current.byIndex.get(5)).toBe(5);
    rerender({ indices: range(40, 50) }); // a page further: the rows take new places, from row 40
    expect(result.current.origin).toBe(40);
    expect(result.current.byIndex.get(40)).toBe(3);
    rerender({ indices: range(38, 48) }); // two rows back: the origin stays
    expect(result.current.origin).toBe(40);
    expect(result.current.byIndex.get(40)).toBe(3);
  });

  it('reuses every slot after a jump far away, whatever the window lengths', () => {
    const first = assignSlots(new Map(), range(0, 38));
    const jumped = assignSlots(first, range(5000, 5039));
    expect(new Set(jumped.values())).toEqual(new Set(range(0, 39)));
    const shrunk = assignSlots(jumped, range(5039, 5076));
    expect(new Set(shrunk.values()).size).toBe(37);
    for (const slot of shrunk.values()) expect(slot).toBeLessThan(39);
  });

  it('never gives two rows one slot', () => {
    let slots: ReadonlyMap<number, number> = new Map();
    for (const [from, length] of [[0, 30], [12, 31], [40, 29], [41, 33], [0, 30], [7, 30]] as const) {
      slots = assignSlots(slots, range(from, from + length));
      expect(new Set(slots.values()).size).toBe(length);
    }
  });
});
