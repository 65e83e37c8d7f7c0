// The console's offline cache: every synced entity, the outbox of changes not yet confirmed, the
// conflicts and rejections waiting for the agent, and sync bookkeeping. One database per agent and
// server, so two people on one machine never share an outbox.
import Dexie, { type Table } from 'dexie';
import type { Mutation } from '../../shared/protocol/mutations';
import type { ConflictField, EntityData, EntityName } from '../../shared/protocol/sync';
import type { ProtocolError } from '../../shared/protocol/errors';
import { touchedRows } from '../sync/touched-rows';
import { coarseNotices } from './coarse-notices';

export type Row<E extends EntityName> = EntityData<E>;

/**
 * A change the agent made: pending until pushed, confirmed until a pull has brought its effect. `rows`:
 * the cached rows it writes (touched-rows.ts), indexed, so a rebase reads only the entries it needs.
 */
export type OutboxEntry = Mutation & { state: 'pending' | 'confirmed'; rows: string[]; round?: number };
export type ConflictEntry = { id: string; mutation: Mutation; fields: ConflictField[]; current: unknown; at: string };
export type AttentionEntry = { id: string; mutation: Mutation; error: ProtocolError; at: string };
/** The server's copy of a row that pending changes were applied over; `data: null` = not on the server. */
export type Shadow = { key: string; data: unknown };
export type StoredBlob = { id: string; blob: Blob };
export type Meta = { key: string; value: unknown };

export const ENTITY_TABLES: Record<EntityName, string> = {
  ticket: 'tickets',
  comment: 'comments',
  worklog: 'worklogs',
  attachment: 'attachments',
  article: 'articles',
  agent: 'agents',
  group: 'groups',
  shift: 'shifts',
  organization: 'organizations',
  roster: 'roster',
};

/**
 * Few, compact indexes: each one costs bootstrap speed. Queue views filter and sort in memory over a
 * compact projection, so the cache needs only what finds rows fast: desk+status (the open tickets a
 * queue loads; with the id since version 4), assignee (my tickets, for notifications and going
 * offline), and the ticket of conversation rows.
 */
export const SCHEMA_V1 = {
  tickets: 'id, [desk+status], assigneeId, sla.resolutionDueAt',
  comments: 'id, ticketId',
  worklogs: 'id, ticketId',
  attachments: 'id, ticketId',
  articles: 'id',
  agents: 'id',
  groups: 'id',
  shifts: 'id',
  organizations: 'id',
  outbox: 'seq, state',
  conflicts: 'id',
  attention: 'id',
  shadows: 'key',
  blobs: 'id',
  meta: 'key',
};

/** Version 2 adds the roster (one row per agent and day), found by its day. */
export const SCHEMA_V2 = { ...SCHEMA_V1, roster: 'id, date' };

/**
 * Version 3 indexes the rows each outbox entry writes: an edit's rebase looked at every outstanding
 * entry, so thousands of offline changes made each new one slower than the last. It drops the SLA due
 * time index, which no query used (the queues read SLA states from their projection) and which every
 * bootstrap page paid for.
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, tickets: 'id, [desk+status], assigneeId', outbox: 'seq, state, *rows' };

/**
 * Version 4 extends the open-ticket index with the ticket's id: a queue then reads its tickets in
 * chunks of one request each (after the last id read), where reading by key took one request per
 * ticket, tens of thousands per reload. Queries on desk+status still use it (as a prefix).
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, tickets: 'id, [desk+status+id], assigneeId' };

/**
 * Version 5 indexes tickets by their human key: the command palette and the notifications found
 * "SD-1042" by reading every cached ticket, up to 100,000, for each lookup.
 */
export const SCHEMA_V5 = { ...SCHEMA_V4, tickets: 'id, [desk+status+id], assigneeId, key' };

export const CACHE_VERSION = 5;

export class CacheDb extends Dexie {
  tickets!: Table<Row<'ticket'>, string>;
  comments!: Table<Row<'comment'>, string>;
  worklogs!: Table<Row<'worklog'>, string>;
  attachments!: Table<Row<'attachment'>, string>;
  articles!: Table<Row<'article'>, string>;
  agents!: Table<Row<'agent'>, string>;
  groups!: Table<Row<'group'>, string>;
  shifts!: Table<Row<'shift'>, string>;
  organizations!: Table<Row<'organization'>, string>;
  roster!: Table<Row<'roster'>, string>;
  outbox!: Table<OutboxEntry, number>;
  conflicts!: Table<ConflictEntry, string>;
  attention!: Table<AttentionEntry, string>;
  shadows!: Table<Shadow, string>;
  blobs!: Table<StoredBlob, string>;
  meta!: Table<Meta, string>;

  constructor(name: string, options: { strict?: boolean; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, {
      // The outbox is written with strict durability: a change the agent saw saved survives a power cut.
      chromeTransactionDurability: options.strict ? 'strict' : 'relaxed',
      ...(options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3).upgrade((tx) =>
      tx.table('outbox').toCollection().modify((entry: OutboxEntry) => {
        entry.rows = touchedRows(entry);
      }));
    this.version(4).stores(SCHEMA_V4);
    this.version(CACHE_VERSION).stores(SCHEMA_V5);
    // The views that read keys from change notices read tickets, articles, ticket shadows and meta (observed-keys.ts).
    this.use(coarseNotices({
      wholeTables: ['outbox', 'comments', 'worklogs', 'attachments', 'conflicts', 'attention', 'blobs'],
      byKind: { shadows: 'ticket:' },
    }));
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  /** The cached ticket with this key ("SD-1042"), if any: keys are unique; new local tickets have none yet. */
  ticketByKey(key: string): Promise<Row<'ticket'> | undefined> {
    return this.tickets.where('key').equals(key).first();
  }
}

export function entityTable<E extends EntityName>(db: CacheDb, entity: E): Table<Row<E>, string> {
  return db.table(ENTITY_TABLES[entity]) as Table<Row<E>, string>;
}

export const ENTITY_TABLE_NAMES = Object.values(ENTITY_TABLES);
export const cacheName = (serverUrl: string, agentId: string) => `switchboard:${new URL(serverUrl).host}:${agentId}`;
