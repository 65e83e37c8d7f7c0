// Stable React keys for a virtualized list's rendered rows, so a row scrolled out hands its DOM nodes
// to the row scrolled in: scrolling then updates text in place instead of building and dropping
// elements. Keying by `index % window length` does that only while the window keeps one length; when
// it grows or shrinks by a row (the scroll offset is rarely a whole number of rows) almost every key
// changes and every row is rebuilt. Here a row keeps its slot while it stays in view, and freed slots
// go to the rows that came in.
import { useRef } from 'react';

/** Slot per index: kept for indices still shown, freed ones reused lowest first, new ones past the end. */
export function assignSlots(previous: ReadonlyMap<number, number>, indices: readonly number[]): Map<number, number> {
  const next = new Map<number, number>();
  const taken = new Set<number>();
  for (const i of indices) {
    const slot = previous.get(i);
    if (slot !== undefined) {
      next.set(i, slot);
      taken.add(slot);
    }
  }
  const free = [...previous.values()].filter((s) => !taken.has(s)).sort((a, b) => a - b);
  let end = Math.max(-1, ...previous.values()) + 1;
  let f = 0;
  for (const i of indices) {
    if (next.has(i)) continue;
    const slot = f < free.length ? free[f++]! : end++;
    next.set(i, slot);
  }
  return next;
}

/** The slot of each shown index, remembered from the previous render. */
export function useRecycledSlots(indices: readonly number[]): ReadonlyMap<number, number> {
  const last = useRef<Map<number, number>>(new Map());
  last.current = assignSlots(last.current, indices);
  return last.current;
}
