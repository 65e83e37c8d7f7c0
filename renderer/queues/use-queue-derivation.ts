// The views of a queue's rows: each row's view bits, every view's count and the order of the sort,
// worked out again when the rows, the minute, the sort or the saved views change. Up to INLINE_ROWS
// rows this runs in the render, as a memo. Above, it runs in slices after the render while the pane
// keeps showing the last result: over the 20,000 open tickets a desk has at 100,000 the passes cost
// several frames, and the end of a bootstrap or a turn of the minute must not freeze the window.
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { runNow, runSliced, type Steps } from '../lib/sliced';
import type { QueueRow } from './queue-row';
import { reorder, sortOrderSteps, type SortContext, type SortSpec } from './sorting';
import { membershipSteps, rebit, recount, viewCountsSteps, type SavedView, type ViewContext, type ViewId } from './views';

/** Rows worked out in the render: a few milliseconds of passes, and no frame showing the old order. */
export const INLINE_ROWS = 4000;

export type QueueDerivation = {
  /** The rows the bits and the order index into (the projection's rows when this was worked out). */
  rows: readonly QueueRow[];
  bits: Uint8Array;
  order: Uint32Array;
  counts: Map<ViewId, number>;
};

export type DerivationInputs = {
  rows: readonly QueueRow[];
  view: ViewContext;
  sort: SortSpec;
  sortContext: SortContext;
  saved: readonly SavedView[];
};

type Done = { inputs: DerivationInputs; result: QueueDerivation };

/** Rows replaced in place worked out one by one; beyond this many (a reload, a bulk action) all again. */
const MAX_REPLACED = 64;

/**
 * The indexes of the rows replaced since `before`, when every other row is the same object at the same
 * index (the projection patched a few tickets); null when rows came, went or many changed.
 */
function replacedInPlace(before: readonly QueueRow[], after: readonly QueueRow[]): number[] | null {
  if (before.length !== after.length) return null;
  const replaced: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (replaced.push(i) > MAX_REPLACED) return null;
  }
  return replaced;
}

/**
 * Only the parts whose inputs changed are worked out again: a new sort keeps the bits and counts. A
 * ticket changed in place (an edit, a note, an assignment, here or pulled) updates the last result
 * for just its row, where passes over all 20,000 open tickets of a desk would follow every change.
 */
function* deriveSteps(inputs: DerivationInputs, last: Done | null): Steps<QueueDerivation> {
  const sameRows = last !== null && last.inputs.rows === inputs.rows;
  const replaced = last !== null && !sameRows ? replacedInPlace(last.inputs.rows, inputs.rows) : null;
  const sameView = last !== null && last.inputs.view === inputs.view;
  const sameSort = last !== null && last.inputs.sort === inputs.sort && last.inputs.sortContext === inputs.sortContext;
  const sameSaved = last !== null && last.inputs.saved === inputs.saved;

  let bits: Uint8Array;
  if (sameRows && sameView) bits = last.result.bits;
  else if (last && replaced && sameView) bits = rebit(last.result.bits, inputs.rows, replaced, inputs.view);
  else bits = yield* membershipSteps(inputs.rows, inputs.view);

  let order: Uint32Array | null = null;
  if (sameRows && sameSort) order = last.result.order;
  else if (last && replaced && sameSort) order = reorder(inputs.rows, last.inputs.rows, last.result.order, replaced, inputs.sort, inputs.sortContext);
  order ??= yield* sortOrderSteps(inputs.rows, inputs.sort, inputs.sortContext);

  let counts: Map<ViewId, number>;
  if (last !== null && bits === last.result.bits && sameSaved) counts = last.result.counts;
  else if (last && replaced && sameView && sameSaved) {
    const { inputs: was, result } = last;
    counts = recount(result.counts, inputs.saved, replaced.map((i) => ({ before: was.rows[i]!, beforeBits: result.bits[i]!, after: inputs.rows[i]!, afterBits: bits[i]! })));
  } else counts = yield* viewCountsSteps(inputs.rows, bits, inputs.saved);
  return { rows: inputs.rows, bits, order, counts };
}

/** The derivation of the latest inputs, or the last one finished while that is under way; null before any. */
export function useQueueDerivation({ rows, view, sort, sortContext, saved }: DerivationInputs): QueueDerivation | null {
  const last = useRef<Done | null>(null);
  const inline = useMemo<Done | null>(() => {
    if (rows.length > INLINE_ROWS) return null;
    const inputs = { rows, view, sort, sortContext, saved };
    return { inputs, result: runNow(deriveSteps(inputs, last.current)) };
  }, [rows, view, sort, sortContext, saved]);
  const [, finished] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (inline) {
      last.current = inline;
      return;
    }
    const inputs = { rows, view, sort, sortContext, saved };
    const abort = new AbortController();
    void runSliced(deriveSteps(inputs, last.current), abort.signal).then((result) => {
      if (result === undefined) return;
      last.current = { inputs, result };
      finished();
    });
    return () => abort.abort();
  }, [inline, rows, view, sort, sortContext, saved]);

  // Between a big change and its result, the last finished derivation shows.
  return (inline ?? last.current)?.result ?? null;
}
