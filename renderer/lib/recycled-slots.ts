// Stable React keys for a virtualized list's rendered rows, so a row scrolled out hands its DOM nodes
// to the row scrolled in: scrolling then updates text in place instead of building and dropping
// elements. Keying by `index % window length` does that only while the window keeps one length; when
// it grows or shrinks by a row (the scroll offset is rarely a whole number of rows) almost every key
// changes and every row is rebuilt.
//
// Two ways to hand out slots, whichever changes less. After a short scroll most rows are still in view:
// each keeps its slot, and the rows that came in take the freed ones. After a long one (a page or more
// per frame) most rows are new: each slot then goes to the row at its old place in the window, so the
// rows stay where they were on screen and only say something else.
import { useRef } from 'react';

/** Whether fewer than half the rows shown now were shown before: then they all take new places. */
function mostlyNew(previous: ReadonlyMap<number, number>, indices: readonly number[]): boolean {
  let staying = 0;
  for (const i of indices) if (previous.has(i)) staying++;
  return staying * 2 < indices.length;
}

/** Slots kept for indices still shown, freed ones reused lowest first, new ones past the end. */
function keepSlots(previous: ReadonlyMap<number, number>, indices: readonly number[]): Map<number, number> {
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

/** The slot that was n-th in the window goes to the n-th index now; new ones past the end. */
function slotsByPlace(previous: ReadonlyMap<number, number>, indices: readonly number[]): Map<number, number> {
  const byPlace = [...previous].sort((a, b) => a[0] - b[0]).map(([, slot]) => slot);
  let end = Math.max(-1, ...byPlace) + 1;
  return new Map(indices.map((index, place) => [index, place < byPlace.length ? byPlace[place]! : end++]));
}

export type Slots = {
  /** The slot of each shown index. */
  byIndex: ReadonlyMap<number, number>;
  /**
   * The index the rows are placed from: the first one shown when the slots last went by place. Rows
   * that keep their slots keep their places from it, and after a long scroll the rows keep their
   * places and the origin moves.
   */
  origin: number;
};

export const NO_SLOTS: Slots = { byIndex: new Map(), origin: 0 };

/** The slots of the shown indices (ascending), from those of the previous window. */
export function nextSlots(previous: Slots, indices: readonly number[]): Slots {
  const { byIndex, origin } = previous;
  return mostlyNew(byIndex, indices)
    ? { byIndex: slotsByPlace(byIndex, indices), origin: indices[0]! }
    : { byIndex: keepSlots(byIndex, indices), origin };
}

/** The slots of the shown indices, carried on from the previous render. */
export function useRecycledSlots(indices: readonly number[]): Slots {
  const last = useRef(NO_SLOTS);
  last.current = nextSlots(last.current, indices);
  return last.current;
}
