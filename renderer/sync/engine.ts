// The sync engine: bootstraps the cache (first screen from the slice, then every page, resumable),
// then keeps it in step: push the outbox, pull to the end, on every poke, reconnect, focus and timer.
// Failures back off with jitter and never stop it. Time, randomness, ids and the network are injected.
import type { Agent } from '../../shared/schemas/entities';
import { ENTITY_TABLE_NAMES, type CacheDb } from '../db/cache-db';
import { ApiError, OfflineError, type SyncApi } from './api';
import { applyPage } from './apply-page';
import { backoffDelay } from './backoff';
import { SYNC_TABLES } from './outbox';
import { recordResults } from './push-results';
import { rebase } from './rebase';
import { evictArticleBodies, isQuotaError } from './quota';
import { INITIAL_STATUS, type SyncStatus } from './status';
import { uploadPendingBlobs } from './uploads';
import type { PageInput } from './apply-page';
import type { EntityName, PullResponse, SliceResponse } from '../../shared/protocol/sync';

/** Bootstrap pages: progress and resumption every 2000 rows. */
const BOOTSTRAP_PAGE = 2000;
/**
 * Pulls after the bootstrap: the protocol's largest page, so the effects of a replayed outbox come back
 * in one page, and the agent's outstanding changes are re-applied once rather than once per page.
 */
const INCREMENTAL_PAGE = 10_000;
/** Pushes of up to the protocol's 1000 mutations, and well under the server's 1 MB body limit. */
const PUSH_BYTES = 512 * 1024;
const PUSH_BATCH = 1000;

/** The rows the first screen shows: the queues' tickets and the reference rows they name. */
const FIRST_SCREEN = new Set<EntityName>(['ticket', 'agent', 'group', 'shift', 'organization']);
/** How long the bootstrap leaves the disk to the window after the first screen is written. */
const FIRST_READS_MS = 250;

/** The longest head of the batch whose JSON stays within `bytes` (at least one entry). */
function fitBytes<T extends { args: unknown }>(batch: T[], bytes: number): T[] {
  const encoder = new TextEncoder();
  let total = 0;
  for (let i = 0; i < batch.length; i++) {
    total += encoder.encode(JSON.stringify(batch[i]!.args)).length + 200; // + id, seq, name, at
    if (total > bytes && i > 0) return batch.slice(0, i);
  }
  return batch;
}

export type EngineDeps = {
  db: CacheDb;
  api: SyncApi;
  actor: Agent;
  now?: () => Date;
  random?: () => number;
  newId: () => string;
  onStatus?: (status: SyncStatus) => void;
  /** Opens the event stream; calls `onPoke` on each poke (with its cursor) and `onOpen` on every (re)connection. */
  openEvents?: (handlers: { onPoke: (cursor?: string) => void; onOpen: () => void; onError: () => void }) => { close(): void };
  /** Rows per pulled page; by default 2000 while bootstrapping and 10,000 (the protocol's most) after. */
  pageSize?: number;
  /**
   * The first screen's slice, already asked for while the cache opened (a new device); used by the
   * first bootstrap instead of asking again. Undefined (not asked, or failed): the bootstrap asks.
   */
  earlySlice?: Promise<SliceResponse | undefined>;
  /** Mutations per push at most (and never much more than PUSH_BYTES of JSON); 1000 by default. */
  pushBatch?: number;
  /** Pull on a timer too, in case a poke was missed. */
  intervalMs?: number;
};

export class SyncEngine {
  private status: SyncStatus = { ...INITIAL_STATUS };
  private running = false;
  private wake: (() => void) | null = null;
  private dirty = false;
  private failures = 0;
  private events: { close(): void } | null = null;
  private readonly now: () => Date;
  private readonly random: () => number;
  /** Known once read or written, so a round after a poke starts with the network, not with reads. */
  private bootstrapped = false;
  private knownClientId: string | null = null;
  /** Status publications run one after another, off the path of the sync work itself. */
  private publishing: Promise<void> = Promise.resolve();
  /**
   * Pokes answered only by pulls that begin after them. The server pokes once a change is committed,
   * so a pull asked for after the poke arrived brings that change: a poke that came before the round's
   * last pull began needs no round of its own. Most pokes a console gets are for its own push, and
   * arrive while that round is still running; answering each with another round pulled an empty page
   * and competed at the server with the consoles that did need to pull.
   */
  private pokes = 0;
  private pokesCovered = 0;
  /** The head our last push was answered with: a poke naming it (ours, arriving late) is covered too. Cursors stay opaque, only compared. */
  private pushedHead: string | null = null;
  /** The saved cursor as this engine last wrote it (only the engine writes it); null until read. */
  private cursor: string | undefined | null = null;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? (() => new Date());
    this.random = deps.random ?? Math.random;
  }

  get current(): SyncStatus {
    return this.status;
  }

  /** Ask for a sync soon (an edit, a poke, focus, coming back online). */
  requestSync(): void {
    this.dirty = true;
    this.wake?.();
  }

  /** Runs until stop(): sync, wait for a reason or the timer, repeat; on failure wait with backoff. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.events = this.deps.openEvents?.({
      onPoke: (cursor) => {
        if (cursor !== undefined && cursor === this.pushedHead) return;
        this.pokes++;
        this.wake?.();
      },
      onOpen: () => this.requestSync(),
      onError: () => undefined,
    }) ?? null;
    this.dirty = true;
    while (this.running) {
      let delay = this.deps.intervalMs ?? 30_000;
      let failed = false;
      if (this.roundWanted()) {
        // A round for pokes alone has nothing to push: every change made, every failed push and every
        // timer asks for a round of its own (dirty). It goes straight to the pull, which is what the
        // other consoles' changes wait for.
        const push = this.dirty;
        this.dirty = false;
        try {
          await this.syncOnce({ push });
          this.failures = 0;
        } catch {
          this.failures++;
          this.dirty = true;
          failed = true;
          delay = backoffDelay(this.failures, this.random);
        }
      }
      // A poke or an edit that came while the round ran asked for another round: run it now, or it
      // would wait for the timer (only a sleeping engine can be woken).
      if (this.running && (failed || !this.roundWanted())) await this.sleep(delay);
      if (!this.roundWanted()) this.dirty = true; // the timer ran out: pull anyway
    }
  }

  private roundWanted(): boolean {
    return this.dirty || this.pokes > this.pokesCovered;
  }

  stop(): void {
    this.running = false;
    this.events?.close();
    this.events = null;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /** One full round: bootstrap if needed, push everything pending (unless told not to), pull to the end. */
  async syncOnce(options: { push?: boolean } = {}): Promise<void> {
    try {
      if (!this.bootstrapped) this.bootstrapped = (await this.deps.db.getMeta<boolean>('bootstrapped')) === true;
      if (!this.bootstrapped) await this.bootstrap();
      // Starting a round changes no count: said without reading them (a poked console starts many).
      this.publishSoon({ state: 'syncing' }, false);
      let answersWritten: Promise<void> = Promise.resolve();
      if (options.push !== false) {
        ({ answersWritten } = await this.pushAll());
        await uploadPendingBlobs(this.deps.db, this.deps.api);
      }
      await this.pullToEnd(answersWritten);
      await this.publish({ state: 'idle', lastError: null });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cursor_expired') {
        await this.resetCache();
        return this.syncOnce();
      }
      await this.publish(
        error instanceof OfflineError
          ? { state: 'offline', lastError: { code: 'offline', message: error.message } }
          : { state: 'error', lastError: { code: error instanceof ApiError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) } },
      );
      throw error;
    }
  }

  private async bootstrap(): Promise<void> {
    const { db, api } = this.deps;
    await this.publish({ state: 'bootstrapping' });
    const size = this.deps.pageSize ?? BOOTSTRAP_PAGE;
    const cursor = await db.getMeta<string>('cursor');
    let done = (await db.getMeta<number>('bootstrapRows')) ?? 0;
    let next: Promise<PullResponse>;
    if (cursor === undefined) {
      // The first screen: my tickets and the head of both queues, before the long pull. The server
      // starts on the first page while the slice is written. Only what the queues show (tickets and the
      // reference rows they name) is written; the slice's comments are left to the bootstrap, which
      // brings every row again: carried into the first page they tripled its write, and every read of
      // the cache (the agent's first clicks) waits for a write in progress.
      const early = this.deps.earlySlice;
      this.deps.earlySlice = undefined;
      const slice = (await early) ?? (await api.slice());
      next = this.prefetch(undefined, size);
      await this.write({ changes: slice.changes.filter((c) => FIRST_SCREEN.has(c.entity)), cursor: null, last: false });
      // IndexedDB runs transactions in the order they were made: the queues' first reads must be made
      // before the first long page write, or the first screen waits for it.
      await new Promise((resolve) => setTimeout(resolve, FIRST_READS_MS));
    } else {
      next = this.prefetch(cursor, size);
    }
    for (;;) {
      const page = await next;
      // The next page travels while this one is written: the network and the server overlap the disk.
      // A failed write drops it; the saved cursor is the one written with the last page.
      if (page.hasMore) next = this.prefetch(page.cursor, size);
      done += page.changes.length;
      await this.write({ changes: page.changes, cursor: page.cursor, last: !page.hasMore });
      await db.meta.put({ key: 'bootstrapRows', value: done });
      this.publishSoon({ state: 'bootstrapping', progress: { done, total: done + page.remaining } });
      if (!page.hasMore) break;
    }
    await db.meta.put({ key: 'bootstrapped', value: true });
    this.bootstrapped = true;
    await this.publish({ bootstrapped: true, progress: null });
  }

  /** Pushes every pending change; resolves once the last batch is answered, with the writing of its answers. */
  private async pushAll(): Promise<{ answersWritten: Promise<void> }> {
    const { db, api } = this.deps;
    const clientId = await this.clientId();
    const size = this.deps.pushBatch ?? PUSH_BATCH;
    // The next batch goes out while the answers to the last one are written: the server has committed
    // that batch (seqs stay in order on the wire), and writing a thousand answers takes about as long
    // as the server takes to apply the next thousand. Until written, the last batch still reads as
    // pending, so it is skipped by seq. A failed write leaves its changes pending: sent again, the
    // server answers them from its stored results.
    let recording: Promise<void> = Promise.resolve();
    let sentThrough = 0;
    // The pull may leave while the last answers are written; its page waits for them.
    const handOver = () => {
      const answersWritten = recording;
      recording = Promise.resolve();
      answersWritten.catch(() => undefined); // awaited by the pull; a failure there fails the round
      return { answersWritten };
    };
    try {
      for (;;) {
        // The pending entries in seq order (the state index keeps each state's entries by primary key).
        const limit = sentThrough > 0 ? 2 * size : size;
        const pending = await db.outbox.where('state').equals('pending').limit(limit).toArray();
        const unsent = pending.filter((e) => e.seq > sentThrough);
        const batch = fitBytes(unsent.slice(0, size), PUSH_BYTES);
        if (batch.length === 0) return handOver();
        let answer: Awaited<ReturnType<SyncApi['push']>>;
        try {
          answer = await api.push(clientId, batch);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'seq_gap') {
            await recording;
            sentThrough = 0;
            await this.renumberFrom(Number((error.details as { expected?: number } | undefined)?.expected ?? 1));
            continue;
          }
          throw error;
        }
        sentThrough = batch.at(-1)!.seq;
        this.pushedHead = answer.cursor;
        // One write of answers in flight at most, so the next read finds the next batch within 2 × size.
        await recording;
        const { results } = answer;
        recording = recordResults(db, results, this.deps.actor, this.now().toISOString()).then(() => this.publishSoon({}));
        // That was all of them: no read to find out (it would wait for the answers being written).
        // A change made meanwhile asked for another round.
        if (pending.length < limit && batch.length === unsent.length) return handOver();
      }
    } finally {
      await recording;
    }
  }

  /**
   * Pulls until the server has nothing more. `answersWritten`: the last push's answers, being written;
   * the pull asked for after that push covers it, but its page may confirm those changes only once
   * they are recorded as answered (DESIGN.md, rule 3), so the first write waits for them.
   */
  private async pullToEnd(answersWritten: Promise<void> = Promise.resolve()): Promise<void> {
    const { db, api } = this.deps;
    for (;;) {
      // From memory when known: reading it would wait for the answers being written.
      const cursor = this.cursor !== null ? this.cursor : await db.getMeta<string>('cursor');
      const pokes = this.pokes;
      const page = await api.pull(cursor, this.deps.pageSize ?? INCREMENTAL_PAGE);
      await answersWritten;
      await this.write({ changes: page.changes, cursor: page.cursor, last: !page.hasMore });
      if (!page.hasMore) {
        this.pokesCovered = Math.max(this.pokesCovered, pokes);
        return;
      }
    }
  }

  /** Writes a page; when the disk is full, evicts article bodies once and tries again. */
  private async write(page: PageInput): Promise<void> {
    try {
      await applyPage(this.deps.db, page, this.deps.actor, this.now().toISOString());
    } catch (error) {
      if (!isQuotaError(error) || (await evictArticleBodies(this.deps.db)) === 0) throw error;
      await applyPage(this.deps.db, page, this.deps.actor, this.now().toISOString());
    }
    if (page.cursor !== null) this.cursor = page.cursor;
  }

  /** The server lost track of this device (a reset database): number the pending changes from where it expects. */
  private async renumberFrom(expected: number): Promise<void> {
    const { db } = this.deps;
    await db.transaction('rw', SYNC_TABLES, async () => {
      // From the expected seq on, the server holds nothing of ours: changes it had confirmed (not yet
      // pulled) were lost with it, so they go out again with the pending ones. Renumbering a confirmed
      // change ahead of the pending ones would leave a gap and loop here for ever.
      const entries = await db.outbox.where('seq').aboveOrEqual(expected).sortBy('seq');
      await db.outbox.bulkDelete(entries.map((e) => e.seq));
      await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, seq: expected + i, state: 'pending' as const })));
      await db.meta.put({ key: 'nextSeq', value: expected + entries.length });
    });
  }

  /** Drops the cached server data and bootstraps again; the outbox and the agent's changes stay. */
  async resetCache(): Promise<void> {
    const { db } = this.deps;
    await db.transaction('rw', SYNC_TABLES, async () => {
      for (const table of ENTITY_TABLE_NAMES) await db.table(table).clear();
      await db.meta.bulkDelete(['cursor', 'bootstrapped', 'bootstrapRows']);
      this.cursor = null;
      // A confirmation is only as good as the database that gave it, and a reset one may have lost it:
      // send those changes again (the server answers a replay with its stored result, or applies them anew).
      await db.outbox.where('state').equals('confirmed').modify({ state: 'pending' });
      this.bootstrapped = false;
      // Rows made or changed offline come back at once from their shadows.
      await rebase(db, await db.shadows.toCollection().primaryKeys(), this.deps.actor, this.now().toISOString());
    });
    await this.publish({ bootstrapped: false });
  }

  private async clientId(): Promise<string> {
    if (this.knownClientId) return this.knownClientId;
    const { db } = this.deps;
    const existing = await db.getMeta<string>('clientId');
    if (existing) return (this.knownClientId = existing);
    const id = this.deps.newId();
    await db.meta.put({ key: 'clientId', value: id });
    return (this.knownClientId = id);
  }

  /** A pull whose failure is left to whoever awaits it (a dropped prefetch fails silently). */
  private prefetch(cursor: string | undefined, size: number): Promise<PullResponse> {
    const page = this.deps.api.pull(cursor, size);
    page.catch(() => undefined);
    return page;
  }

  /** Publishes without holding up the caller (the order of publications is kept). */
  private publishSoon(patch: Partial<SyncStatus>, recount = true): void {
    this.publish(patch, recount).catch(() => undefined);
  }

  private publish(patch: Partial<SyncStatus>, recount = true): Promise<void> {
    const run = this.publishing.then(() => (recount ? this.readAndPublish(patch) : this.announce(patch)));
    this.publishing = run.catch(() => undefined);
    return run;
  }

  private announce(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.onStatus?.(this.status);
  }

  private async readAndPublish(patch: Partial<SyncStatus>): Promise<void> {
    const { db } = this.deps;
    const [pending, conflicts, attention, lastSyncAt, bootstrapped] = await Promise.all([
      db.outbox.where('state').equals('pending').count(),
      db.conflicts.count(),
      db.attention.count(),
      db.getMeta<string>('lastSyncAt'),
      db.getMeta<boolean>('bootstrapped'),
    ]);
    this.announce({ bootstrapped: bootstrapped ?? false, ...patch, pending, conflicts, attention, lastSyncAt: lastSyncAt ?? null });
  }
}
