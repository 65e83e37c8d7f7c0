// Reads Dexie's `storagemutated` notices (fired after every committed write, in this window or, through
// BroadcastChannel, in another window or worker). A write of fewer than 50 rows names its primary keys;
// a larger bulk write, a clear or a page restored from the back-forward cache names a whole range,
// and then only a full reload can tell what changed.
// Shared by every live view of the cache (the queue projection, the knowledge-base index): one reading of
// the notices, so a view never misses a change another one sees.
import type { IntervalTree, ObservabilitySet } from 'dexie';

export type ObservedChange = { all: true } | { all: false; keys: string[] };

type Node = { from?: unknown; to?: unknown; l?: Node | null; r?: Node | null; d: number };

/** Collects single keys; false as soon as a real range shows up. Trees may arrive as plain clones. */
function collect(node: Node | null | undefined, into: string[]): boolean {
  if (!node || node.d === 0) return true;
  if (typeof node.from !== 'string' || node.from !== node.to) return false;
  into.push(node.from);
  return collect(node.l, into) && collect(node.r, into);
}

/** What changed in one table of one database, or null if the notice does not concern it. */
export function observedChange(parts: ObservabilitySet, dbName: string, table: string): ObservedChange | null {
  if ('all' in parts) return { all: true };
  const prefix = `idb://${dbName}/${table}/`;
  const keys: string[] = [];
  let touched = false;
  for (const part of [prefix, `${prefix}:dels`]) {
    const tree: IntervalTree | undefined = parts[part];
    if (!tree) continue;
    touched = true;
    if (!collect(tree as Node, keys)) return { all: true };
  }
  return touched ? { all: false, keys } : null;
}
