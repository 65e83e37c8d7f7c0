// The open tickets of one desk, held in memory as compact rows and kept current without ever running a
// query over the whole tickets table per render. Loaded once (through the [desk+status+id] index, a chunk
// per request), then patched: Dexie's global `storagemutated` event names the tickets each committed write
// touched, in this window or another, and just those are read again with bulkGet. A write too large to
// name its keys (bootstrap and pull pages put thousands of rows at once) makes a full reload, at most
// one at a time and spaced out, reusing every row whose ticket version did not move.
//
// Only open tickets are projected: every queue view shows open work, and leaving out resolved and closed
// tickets (about 60 % of a cache) halves the memory and the work of every view.
import Dexie, { type ObservabilitySet } from 'dexie';
import { STATUSES, isOpenStatus, type Status } from '../../shared/rules/status';
import type { Ticket } from '../../shared/schemas/ticket';
import type { CacheDb } from '../db/cache-db';
import { observedChange } from '../lib/observed-keys';
import { toQueueRow, type OrgInfo, type QueueRow } from './queue-row';
import { SlaClocks } from './sla-schedule';

export type Desk = 'service' | 'help';

export type QueueSnapshot = {
  /** Rises with every change of the rows; views and counts are memoized on it. */
  version: number;
  rows: readonly QueueRow[];
  /** False until the first full read of the cache is done (rows arrive in chunks before). */
  loaded: boolean;
  failed: boolean;
};

export type ProjectionOptions = {
  /** Tickets read per request. */
  chunk?: number;
  /** Least time between two full reloads; a slow reload spaces the next one further. */
  minReloadGapMs?: number;
  /** Least time between two full reloads while the cache is still bootstrapping. */
  bootstrapReloadGapMs?: number;
};

const OPEN_STATUSES = STATUSES.filter(isOpenStatus);
const RETRY_MS = 5000;
/**
 * Building a row costs tens of microseconds (its SLA schedule); a bootstrap page brings thousands. The
 * work gives the window back after this long, so typing and scrolling never wait behind it.
 */
const SLICE_MS = 8;
const RELOAD_BACKOFF = 4;
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class QueueProjection {
  readonly clocks: SlaClocks;
  private rows = new Map<string, QueueRow>();
  private versions = new Map<string, number>();
  private orgs = new Map<string, OrgInfo>();
  private snapshot: QueueSnapshot = { version: 0, rows: [], loaded: false, failed: false };
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Set<string>();
  private reloadNeeded = true;
  private orgsChanged = true;
  private draining = false;
  private disposed = false;
  private nextReloadAt = 0;
  /** Cuts short the wait for the next reload. */
  private wake: (() => void) | null = null;
  private readonly chunk: number;
  private readonly minReloadGapMs: number;
  private readonly bootstrapReloadGapMs: number;

  constructor(
    private readonly db: CacheDb,
    readonly desk: Desk,
    private readonly now: () => Date,
    options: ProjectionOptions = {},
  ) {
    this.clocks = new SlaClocks(now().getTime());
    // Tickets taken in per read: a thousand at once (a megabyte to decode) was a long task by itself.
    this.chunk = options.chunk ?? 250;
    this.minReloadGapMs = options.minReloadGapMs ?? 2000;
    // A bootstrap writes page after page for a minute or more, each page a full reload's worth of notice.
    // Every reload decodes every open ticket again (megabytes of garbage the window's collector must
    // pause for); the views say their counts are partial meanwhile, so they grow in fewer, larger steps.
    this.bootstrapReloadGapMs = options.bootstrapReloadGapMs ?? 10_000;
  }

  start(): void {
    Dexie.on('storagemutated', this.onMutated);
    this.kick();
  }

  dispose(): void {
    this.disposed = true;
    this.wake?.();
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueSnapshot => this.snapshot;

  get(id: string): QueueRow | undefined {
    return this.rows.get(id);
  }

  private onMutated = (parts: ObservabilitySet): void => {
    if (observedChange(parts, this.db.name, 'organizations')) {
      // Names and time zones feed the filter text and SLA calendars of every row.
      this.orgsChanged = true;
      this.reloadNeeded = true;
    }
    const meta = observedChange(parts, this.db.name, 'meta');
    // The bootstrap's end (or a resync's start) reloads without waiting out the bootstrap's spacing.
    if (meta && (meta.all || meta.keys.includes('bootstrapped'))) {
      this.nextReloadAt = 0;
      this.wake?.();
    }
    const change = observedChange(parts, this.db.name, 'tickets');
    if (!change) return this.kick();
    if (change.all) this.reloadNeeded = true;
    else {
      for (const key of change.keys) this.pending.add(key);
      // A named change (an agent's edit) is patched now, not after a pending full reload's wait.
      if (change.keys.length > 0) this.wake?.();
    }
    this.kick();
  };

  private kick(): void {
    if (this.draining || this.disposed) return;
    if (!this.reloadNeeded && this.pending.size === 0) return;
    this.draining = true;
    void this.drain().finally(() => {
      this.draining = false;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.disposed && (this.reloadNeeded || this.pending.size > 0)) {
        if (this.pending.size > 0) {
          const ids = [...this.pending];
          this.pending.clear();
          await this.patch(ids);
          continue;
        }
        const wait = this.nextReloadAt - performance.now();
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, wait);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wake = null;
          continue; // patches that came meanwhile go first
        }
        await this.reload();
      }
    } catch (error) {
      if (this.disposed) return;
      console.error('Queue projection failed; reloading soon', error);
      // Start over from a full read, spaced out so a broken database does not spin.
      this.reloadNeeded = true;
      this.orgsChanged = true;
      this.nextReloadAt = performance.now() + RETRY_MS;
      this.publish({ failed: true });
    }
  }

  /** A reload keeps the row of a ticket whose version did not move (the SLA schedule is the costly part). */
  private build(t: Ticket, reuse: boolean): QueueRow {
    const reused = reuse && !this.orgsChanged ? this.rows.get(t.id) : undefined;
    if (reused && this.versions.get(t.id) === t.version && reused.updatedAt === t.updatedAt) return reused;
    return toQueueRow(t, this.orgs, this.clocks, this.now().getTime());
  }

  private wanted(t: Ticket | undefined): t is Ticket {
    return t !== undefined && t.desk === this.desk && isOpenStatus(t.status);
  }

  /**
   * Up to a chunk of this desk's tickets in one status, the next after ticket `after` by id: one
   * IndexedDB request, where reading by key makes one per ticket (and as much garbage to collect).
   */
  private readChunk(status: Status, after: string | null): Promise<Ticket[]> {
    return this.db.tickets
      .where('[desk+status+id]')
      .between([this.desk, status, after ?? Dexie.minKey], [this.desk, status, Dexie.maxKey], after === null, true)
      .limit(this.chunk)
      .toArray();
  }

  private async reload(): Promise<void> {
    const started = performance.now();
    this.reloadNeeded = false;
    // Everything read from here on is at least as new as the notices that asked for it.
    this.pending.clear();
    if (this.orgsChanged) {
      this.orgs = new Map((await this.db.organizations.toArray()).map((o) => [o.id, { id: o.id, name: o.name, timeZone: o.timeZone }]));
    }
    const bootstrapped = (await this.db.getMeta<boolean>('bootstrapped')) === true;
    const first = !this.snapshot.loaded;
    // The first load fills the live map and shows rows as they come; later reloads build aside and
    // swap at the end, so nothing flickers.
    if (first) {
      this.rows.clear();
      this.versions.clear();
    }
    const next = first ? this.rows : new Map<string, QueueRow>();
    const versions = first ? this.versions : new Map<string, number>();
    for (const status of OPEN_STATUSES) {
      let after: string | null = null;
      while (!this.disposed) {
        const tickets = await this.readChunk(status, after);
        let sliceStart = performance.now();
        for (const t of tickets) {
          if (performance.now() - sliceStart > SLICE_MS) {
            await yieldToMain();
            sliceStart = performance.now();
          }
          if (!this.wanted(t)) continue;
          next.set(t.id, this.build(t, true));
          versions.set(t.id, t.version);
        }
        if (tickets.length < this.chunk) break;
        after = tickets[tickets.length - 1]!.id;
        if (first) this.publish({});
      }
    }
    this.rows = next;
    this.versions = versions;
    this.orgsChanged = false;
    // Reloads come from bulk writes (a bootstrap or a long pull, page after page), whose IndexedDB
    // transactions a reload competes with: the next waits several times as long as this one took.
    const cost = performance.now() - started;
    // An empty cache (a first sign-in) waits for nothing: the first screen's rows come next.
    const gap = Math.max(bootstrapped ? this.minReloadGapMs : this.bootstrapReloadGapMs, RELOAD_BACKOFF * cost);
    this.nextReloadAt = this.rows.size === 0 ? 0 : performance.now() + gap;
    this.publish({ loaded: true });
  }

  private async patch(ids: string[]): Promise<void> {
    const tickets = await this.db.tickets.bulkGet(ids);
    let changed = false;
    let sliceStart = performance.now();
    for (const [i, id] of ids.entries()) {
      if (performance.now() - sliceStart > SLICE_MS) {
        // Rows built so far show now; the rest follow after the window has had its turn.
        if (changed) this.publish({});
        changed = false;
        await yieldToMain();
        if (this.disposed) return;
        sliceStart = performance.now();
      }
      const t = tickets[i];
      if (this.wanted(t)) {
        // A named change is always rebuilt: an optimistic change and its rebase may keep the version.
        this.rows.set(id, this.build(t, false));
        this.versions.set(id, t.version);
        changed = true;
      } else if (this.rows.delete(id)) {
        this.versions.delete(id);
        changed = true;
      }
    }
    if (changed) this.publish({});
  }

  private publish(patch: Partial<Pick<QueueSnapshot, 'loaded' | 'failed'>>): void {
    if (this.disposed) return;
    this.snapshot = {
      version: this.snapshot.version + 1,
      rows: [...this.rows.values()],
      loaded: patch.loaded ?? this.snapshot.loaded,
      failed: patch.failed ?? false,
    };
    for (const l of this.listeners) l();
  }
}
