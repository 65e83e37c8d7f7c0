// Every write to the cache is announced to every window and worker of the device (Dexie's
// `storagemutated`), naming the keys it touched, so that each live query can tell whether to read
// again. Each live query (the console has dozens) merges every notice into one set of its own until it
// next reads, whether or not the notice concerns it, and Dexie's own bulk notices name whole tables.
// Five thousand changes made offline left every live query holding a set of some 30,000 keys; the
// replay's first whole-table notice then made each of them merge that set again, 80–180 ms in one task.
// So this announces some writes more coarsely:
// - every write to a table whose keys no view reads from the notices (the outbox, the conversation,
//   the conflict lists: views re-read them whole, or read them through live queries that are cheap to
//   run again), as touching the whole table;
// - every write to the shadows of rows other than tickets, as touching all shadows of that kind of row
//   (`comment:` to `comment:\uffff`): a day offline writes thousands, and only ticket shadows are read
//   from the notices, by key;
// - a delete of many keys anywhere, as touching the whole table, as Dexie does for a put of many rows.
import { RangeSet, type DBCore, type DBCoreMutateRequest, type IndexableType, type Middleware } from 'dexie';

/** Dexie's own threshold for announcing a put as touching the whole table. */
const MANY_KEYS = 50;

/** The kind of row a `kind:id` key is of (`comment:`), or null for a key without one. */
function kindOf(key: unknown): string | null {
  const at = typeof key === 'string' ? key.indexOf(':') : -1;
  return at < 0 ? null : (key as string).slice(0, at + 1);
}

/** Keys a request writes or deletes (from the rows themselves where the table keeps its keys in them). */
function keysOf(req: DBCoreMutateRequest, extractKey: ((row: unknown) => unknown) | null): readonly unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  return req.keys ?? (extractKey ? req.values.map(extractKey) : []);
}

/**
 * `wholeTables`: announced whole on every write. `byKind`: tables of `kind:id` keys whose keys are
 * announced one by one for the kind named, and as the range of their kind otherwise.
 */
export function coarseNotices(options: { wholeTables: readonly string[]; byKind: Record<string, string> }): Middleware<DBCore> {
  const whole = new Set(options.wholeTables);
  return {
    stack: 'dbcore',
    name: 'CoarseNotices',
    // Above Dexie's observability (level 0), which takes the parts a request already names and adds to them.
    level: 1,
    create(down) {
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          // The parts the observability layer names for a table: its keys, its deletions and each index.
          const parts = ['', ':dels', ...table.schema.indexes.map((index) => index.name)].map((part) => `idb://${down.schema.name}/${tableName}/${part}`);
          const keptKind = options.byKind[tableName];
          /** The ranges to announce instead of the request's keys; null to let it name its keys. */
          const announced = (req: DBCoreMutateRequest): Array<{ from: IndexableType; to: IndexableType }> | null => {
            if (whole.has(tableName) || (req.type === 'delete' && req.keys.length >= MANY_KEYS)) return [{ from: down.MIN_KEY, to: down.MAX_KEY }];
            if (keptKind === undefined) return null;
            const kinds = new Set(keysOf(req, table.schema.primaryKey.extractKey ?? null).map(kindOf).filter((kind): kind is string => kind !== null && kind !== keptKind));
            return kinds.size === 0 ? null : [...kinds].map((kind) => ({ from: kind, to: `${kind}\uffff` }));
          };
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              const ranges = announced(req);
              if (!ranges) return table.mutate(req);
              // The keys the observability layer adds afterwards merge into these ranges at once.
              const mutatedParts = { ...req.mutatedParts };
              for (const part of parts) {
                const set = new RangeSet();
                for (const range of ranges) set.add(range);
                mutatedParts[part] = set;
              }
              return table.mutate({ ...req, mutatedParts });
            },
          };
        },
      };
    },
  };
}
