// Reads Dexie's `storagemutated` notices (fired after every committed write, in this window or, through
// BroadcastChannel, in another window or worker). A write of fewer than 50 rows names its primary keys;
// a larger bulk write, a clear or a page restored from the back-forward cache names a whole range,
// and then only a full reload can tell what changed.
// Shared by every live view of the cache (the queue projection, the knowledge-base index): one reading of
// the notices, so a view never misses a change another one sees.
import type { IntervalTree, ObservabilitySet } from 'dexie';

export type ObservedChange = { all: true } | { all: false; keys: string[] };

type Node = { from?: unknown; to?: unknown; l?: Node | null; r?: Node | null; d: number };

/** Whether a node's range lies wholly outside the keys that start with `prefix`. */
function outside(node: Node, prefix: string): boolean {
  const { from, to } = node;
  return typeof from === 'string' && typeof to === 'string' && (to < prefix || from > `${prefix}\uffff`);
}

/**
 * Collects single keys that start with `prefix`; false as soon as a real range shows up among them.
 * Trees may arrive as plain clones.
 */
function collect(node: Node | null | undefined, into: string[], prefix: string): boolean {
  if (!node || node.d === 0) return true;
  if (!outside(node, prefix)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    into.push(node.from);
  }
  return collect(node.l, into, prefix) && collect(node.r, into, prefix);
}

/**
 * What changed in one table of one database, or null if the notice does not concern it. With a
 * `prefix`, only keys that start with it count (the shadows of tickets, `ticket:`), and ranges of other
 * keys are passed over.
 */
export function observedChange(parts: ObservabilitySet, dbName: string, table: string, prefix = ''): ObservedChange | null {
  if ('all' in parts) return { all: true };
  const tablePart = `idb://${dbName}/${table}/`;
  const keys: string[] = [];
  let touched = false;
  for (const part of [tablePart, `${tablePart}:dels`]) {
    const tree: IntervalTree | undefined = parts[part];
    if (!tree) continue;
    touched = true;
    if (!collect(tree as Node, keys, prefix)) return { all: true };
  }
  return touched ? { all: false, keys } : null;
}
