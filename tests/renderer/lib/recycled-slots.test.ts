// Slots for a virtualized list's rows: a row keeps its slot while it stays in view, and the rows that
// come in take the slots the others left, so the rendered set of keys changes as little as it can.
import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../../renderer/lib/recycled-slots';

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

  it('reuses every slot after a jump far away, whatever the window lengths', () => {
    const first = assignSlots(new Map(), range(0, 38));
    const jumped = assignSlots(first, range(5000, 5039));
    expect(new Set(jumped.values())).toEqual(new Set(range(0, 39)));
    const shrunk = assignSlots(jumped, range(5039, 5076));
    expect(new Set(shrunk.values()).size).toBe(37);
    for (const slot of shrunk.values()) expect(slot).toBeLessThan(39);
  });

  it('never gives two rows one slot', () => {
    let slots = new Map<number, number>();
    for (const [from, length] of [[0, 30], [12, 31], [40, 29], [41, 33], [0, 30], [7, 30]] as const) {
      slots = assignSlots(slots, range(from, from + length));
      expect(new Set(slots.values()).size).toBe(length);
    }
  });
});
