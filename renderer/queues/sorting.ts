// Sorting a queue by one column. The result is an order of row indexes, which views then walk.
//
// At 100,000 rows a comparator sort costs a long task; instead each row's sort value becomes a dense
// rank, rank and tie-breaker are packed into one exact double, and a Float64Array sorts natively.
// Text is folded first (`Č` sorts with `C`), empty values go last in either direction, and ties keep
// the order of the ticket keys, so the order is always the same for the same rows.
import { ROWS_PER_STEP, runNow, type Steps } from '../lib/sliced';
import type { ColumnId } from './columns';
import { fold } from './fold';
import type { QueueRow } from './queue-row';
import type { SlaReading, SlaSchedule } from './sla-schedule';

export type SortDirection = 'ascending' | 'descending';
export type SortSpec = { column: ColumnId; direction: SortDirection };

export type SortContext = {
  organizationName(id: string): string | undefined;
  agentName(id: string): string | undefined;
  /** Localised labels of ticket types and channels: the agent sorts by what the agent reads. */
  label(kind: 'type' | 'channel', value: string): string;
  sla: (schedule: SlaSchedule) => SlaReading;
};

type Key = number | string | null;

// A paused clock does not count down: it sorts after every running one.
const PAUSED = 1e15;
// Key numbers above this (and tickets not numbered yet) tie, and keep their row order.
const KEY_CAP = 2 ** 31;

function keyFunction(column: ColumnId, ctx: SortContext): (row: QueueRow) => Key {
  const folded = new Map<string, string>();
  const text = (value: string | null | undefined): Key => {
    if (!value) return null;
    let f = folded.get(value);
    if (f === undefined) folded.set(value, (f = fold(value)));
    return f;
  };
  switch (column) {
    case 'key': return (r) => r.keyNum;
    case 'priority': return (r) => r.priorityRank;
    case 'type': return (r) => text(ctx.label('type', r.type));
    case 'channel': return (r) => text(ctx.label('channel', r.channel));
    case 'organization': return (r) => text(ctx.organizationName(r.organizationId));
    case 'service': return (r) => text(r.service);
    case 'requester':
    case 'customer': return (r) => text(r.requester);
    case 'account': return (r) => text(r.account);
    case 'product': return (r) => text(r.product);
    case 'assignee': return (r) => (r.assigneeId === null ? null : text(ctx.agentName(r.assigneeId)));
    case 'updated': return (r) => r.updatedMs;
    case 'sla': return (r) => {
      const clock = ctx.sla(r.sla);
      return clock.paused ? PAUSED + clock.remainingMs : clock.remainingMs;
    };
  }
}

type KeyOrder = { order: Uint32Array; place: Uint32Array };
const keyOrders = new WeakMap<readonly QueueRow[], KeyOrder>();

/** Row indexes in ticket-key order, and each row's place in that order: the tie-breaker of every sort. */
function keyOrder(rows: readonly QueueRow[]): KeyOrder {
  let cached = keyOrders.get(rows);
  if (cached) return cached;
  const n = rows.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = Math.min(rows[i]!.keyNum, KEY_CAP) * n + i;
  packed.sort();
  const order = new Uint32Array(n);
  const place = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = packed[k]! % n;
    order[k] = i;
    place[i] = k;
  }
  keyOrders.set(rows, (cached = { order, place }));
  return cached;
}

/** Dense ranks of the values (equal values, equal rank); null stays null. */
function denseRanks(keys: readonly Key[]): { rank: (k: Key) => number; count: number } {
  const numbers: number[] = [];
  const strings = new Set<string>();
  for (const k of keys) {
    if (typeof k === 'number') numbers.push(k);
    else if (typeof k === 'string') strings.add(k);
  }
  if (strings.size > 0) {
    // Folded text: code-unit order is alphabetical for the letters that remain.
    const sorted = [...strings].sort();
    const byValue = new Map(sorted.map((s, i) => [s, i]));
    return { rank: (k) => byValue.get(k as string)!, count: sorted.length };
  }
  const sorted = Float64Array.from(numbers).sort();
  const unique: number[] = [];
  for (const v of sorted) if (unique.length === 0 || unique[unique.length - 1] !== v) unique.push(v);
  const rank = (k: Key) => {
    let lo = 0;
    let hi = unique.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[mid]! < (k as number)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { rank, count: unique.length };
}

/** Row indexes in the order of the sort. */
export function sortOrder(rows: readonly QueueRow[], spec: SortSpec, ctx: SortContext): Uint32Array {
  return runNow(sortOrderSteps(rows, spec, ctx));
}

/** `sortOrder`, yielding every ROWS_PER_STEP rows of its passes (see lib/sliced.ts). */
export function* sortOrderSteps(rows: readonly QueueRow[], spec: SortSpec, ctx: SortContext): Steps<Uint32Array> {
  const n = rows.length;
  const ties = keyOrder(rows);
  if (spec.column === 'key' && spec.direction === 'ascending') return ties.order;
  const keyOf = keyFunction(spec.column, ctx);
  const keys: Key[] = new Array<Key>(n);
  for (let i = 0; i < n; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    keys[i] = keyOf(rows[i]!);
  }
  yield;
  const { rank, count } = denseRanks(keys);
  const descending = spec.direction === 'descending';
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const k = keys[i] as Key;
    const r = k === null ? count : descending ? count - 1 - rank(k) : rank(k);
    packed[i] = r * n + ties.place[i]!;
  }
  yield;
  packed.sort();
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j++) order[j] = ties.order[packed[j]! % n]!;
  return order;
}

/**
 * The order after a few rows were replaced in place (same indexes, same ticket keys): each taken out
 * and put back where the sort puts it now, by binary search, where a new sort would rank every row
 * again. Null when it cannot say (the tie-breaker of the last rows is unknown, or a ticket key moved):
 * sort anew then.
 */
export function reorder(
  rows: readonly QueueRow[],
  lastRows: readonly QueueRow[],
  order: Uint32Array,
  changed: readonly number[],
  spec: SortSpec,
  ctx: SortContext,
): Uint32Array | null {
  const ties = keyOrders.get(lastRows);
  if (!ties || changed.some((i) => rows[i]!.keyNum !== lastRows[i]!.keyNum)) return null;
  // Same ticket keys at the same indexes: the same tie-breaker.
  keyOrders.set(rows, ties);
  if (spec.column === 'key' && spec.direction === 'ascending') return ties.order;
  const keyOf = keyFunction(spec.column, ctx);
  const ascending = spec.direction === 'ascending';
  const keys = new Map<number, Key>();
  const keyAt = (i: number): Key => {
    if (!keys.has(i)) keys.set(i, keyOf(rows[i]!));
    return keys.get(i)!;
  };
  // As sortOrder ranks: empty values last in either direction, then ticket-key order.
  const before = (i: number, j: number): boolean => {
    const a = keyAt(i);
    const b = keyAt(j);
    if (a !== b) {
      if (a === null) return false;
      if (b === null) return true;
      return a < b === ascending;
    }
    return ties.place[i]! < ties.place[j]!;
  };
  const moving = new Set(changed);
  const kept = order.filter((i) => !moving.has(i));
  const added = [...moving].sort((i, j) => (before(i, j) ? -1 : 1));
  const next = new Uint32Array(order.length);
  let from = 0;
  let to = 0;
  for (const i of added) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(kept[mid]!, i)) lo = mid + 1;
      else hi = mid;
    }
    next.set(kept.subarray(from, lo), to);
    to += lo - from;
    from = lo;
    next[to++] = i;
  }
  next.set(kept.subarray(from), to);
  return next;
}
