// Runs inside the console page (added as an init script before the app loads), bundled by esbuild:
// records long tasks, the sync worker's status broadcasts and the log-in click, and measures the UI
// from inside the page with performance.now(), so Playwright's own round trips never count.
// Everything is reached as `window.__bench`.

type StatusMessage = { type: 'status'; status: { state: string; progress: { done: number; total: number } | null; bootstrapped: boolean; pending: number } };
type StatusRecord = { t: number; state: string; done: number | null; total: number | null; bootstrapped: boolean; pending: number };
type LongTask = { start: number; duration: number };

const longtasks: LongTask[] = [];
const statuses: StatusRecord[] = [];
const clicks: { t: number; text: string }[] = [];

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

document.addEventListener(
  'click',
  (e) => {
    const target = e.target instanceof Element ? e.target.closest('button') : null;
    clicks.push({ t: performance.now(), text: target?.textContent?.trim() ?? '' });
  },
  true,
);

/** A macrotask: runs after React's microtask flushes and after the event that scheduled it. */
const tick = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});
const frame = () => new Promise<number>((resolve) => requestAnimationFrame((t) => resolve(t)));
/** The time the frame after the current DOM was painted: rAF runs before paint, the task after it after. */
const painted = async () => {
  await frame();
  await tick();
  return performance.now();
};

function region(name: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[role="region"][aria-label="${name}"]`);
}

/** Rows with cells of their own (not the header, not the one-cell "loading…/empty" placeholder). */
function dataRows(scope: ParentNode): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>('[role="grid"] [role="row"]')].filter((r) => r.querySelectorAll('[role="gridcell"]').length > 1);
}

const bench = {
  longtasks,
  statuses,
  clicks,
  painted,

  /** Listens to the sync worker's broadcasts for this cache. */
  listenStatus(dbName: string): void {
    const channel = new BroadcastChannel(`switchboard-sync:${dbName}`);
    channel.onmessage = (e: MessageEvent<StatusMessage>) => {
      if (e.data?.type !== 'status') return;
      const s = e.data.status;
      statuses.push({ t: performance.now(), state: s.state, done: s.progress?.done ?? null, total: s.progress?.total ?? null, bootstrapped: s.bootstrapped, pending: s.pending });
    };
  },

  /**
   * The first screen: both queues show ticket rows, and every open ticket of the agent's (the ids the
   * server's slice names) is in the cache. Checked on every frame; resolves with the times each held.
   */
  async firstScreen(dbName: string, regions: string[], ownIds: string[]): Promise<{ rowsAt: number; cacheAt: number }> {
    const shown = () => regions.every((name) => { const r = region(name); return r !== null && dataRows(r).length > 0; });
    while (!shown()) await frame();
    const rowsAt = performance.now();
    for (;;) {
      const present = await new Promise<number>((resolve) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('tickets', 'readonly').objectStore('tickets');
          let found = 0;
          let left = ownIds.length;
          if (left === 0) {
            db.close();
            resolve(0);
            return;
          }
          for (const id of ownIds) {
            const req = store.count(id);
            req.onsuccess = () => {
              found += req.result;
              if (--left === 0) {
                db.close();
                resolve(found);
              }
            };
          }
        };
        open.onerror = () => resolve(-1);
      });
      if (present === ownIds.length) return { rowsAt, cacheAt: performance.now() };
      await frame();
    }
  },

  /** Current rows shown in a region, as ticket ids taken from the rows' DOM ids (`…-row-<id>`). */
  rowIds(regionName: string): string[] {
    const r = region(regionName);
    return r ? dataRows(r).map((row) => row.id.slice(row.id.indexOf('-row-') + 5)).filter(Boolean) : [];
  },

  viewOptions(regionName: string): { value: string; label: string }[] {
    const select = region(regionName)?.querySelector('select');
    return select ? [...select.options].map((o) => ({ value: o.value, label: o.textContent ?? '' })) : [];
  },

  /** True once no view option of the region says its count is partial. */
  viewsComplete(regionName: string): boolean {
    const options = bench.viewOptions(regionName);
    return options.length > 0 && options.every((o) => !/partial|částečn/i.test(o.label));
  },

  /**
   * Switches the region's view select to `value` and times it: until React committed rows matching the
   * view's count (`commitMs`), and until the frame with them was painted (`paintMs`).
   */
  async switchView(regionName: string, value: string): Promise<{ commitMs: number; paintMs: number; rows: number; expected: number }> {
    const r = region(regionName);
    const select = r?.querySelector('select');
    const grid = r?.querySelector<HTMLElement>('[role="grid"]');
    if (!r || !select || !grid) throw new Error(`no view select in ${regionName}`);
    const option = [...select.options].find((o) => o.value === value);
    if (!option) throw new Error(`no view ${value} in ${regionName}`);
    const expected = Number(/\(([\d\s,.\u00a0\u202f]+)\)/.exec(option.textContent ?? '')?.[1]?.replace(/\D/g, '') ?? NaN);
    const shows = () => {
      const count = Number(grid.getAttribute('aria-rowcount')) - 1;
      return (Number.isNaN(expected) || count === expected) && (count === 0 || dataRows(r).length > 0);
    };
    const start = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    let commit = performance.now();
    if (!shows()) {
      commit = await new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => { observer.disconnect(); reject(new Error(`view ${value} never showed ${expected} rows`)); }, 10_000);
        const observer = new MutationObserver(() => {
          if (!shows()) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now());
        });
        observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    }
    const paint = await painted();
    return { commitMs: commit - start, paintMs: paint - start, rows: Number(grid.getAttribute('aria-rowcount')) - 1, expected };
  },

  /** Scrolls the region's grid from top to bottom, one viewport per frame; long tasks meanwhile. */
  async scrollWhole(regionName: string): Promise<{ steps: number; ms: number; longtasks: LongTask[]; maxFrameGapMs: number; rows: number; lastRowShown: boolean }> {
    const grid = region(regionName)?.querySelector<HTMLElement>('[role="grid"]');
    if (!grid) throw new Error(`no grid in ${regionName}`);
    grid.scrollTop = 0;
    await painted();
    const start = performance.now();
    let steps = 0;
    let last = await frame();
    let maxGap = 0;
    while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
      grid.scrollTop += grid.clientHeight;
      steps++;
      const t = await frame();
      maxGap = Math.max(maxGap, t - last);
      last = t;
    }
    await painted();
    const end = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer deliver the last entries
    const rows = Number(grid.getAttribute('aria-rowcount')) - 1;
    const shown = dataRows(grid).map((row) => Number(row.getAttribute('aria-rowindex')));
    return {
      steps,
      ms: end - start,
      longtasks: longtasks.filter((l) => l.start >= start && l.start <= end),
      maxFrameGapMs: maxGap,
      rows,
      lastRowShown: shown.includes(rows + 1),
    };
  },

  /**
   * Types `text` into the knowledge-base search one keystroke at a time; for each, the time from the
   * input event until the pane's DOM stopped changing (React commits a keystroke synchronously; a
   * deferred update would show as later mutations, which count too).
   */
  async kbType(regionName: string, text: string): Promise<number[]> {
    const r = region(regionName);
    const input = r?.querySelector<HTMLInputElement>('input[type="search"]');
    if (!r || !input) throw new Error(`no search box in ${regionName}`);
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const times: number[] = [];
    for (let i = 1; i <= text.length; i++) {
      let lastMutation = 0;
      const observer = new MutationObserver(() => (lastMutation = performance.now()));
      observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
      const start = performance.now();
      setValue.call(input, text.slice(0, i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const dispatched = performance.now();
      await tick();
      // Anything deferred shows up within a couple of frames.
      await frame();
      await frame();
      observer.disconnect();
      times.push(Math.max(dispatched, lastMutation) - start);
    }
    return times;
  },

  clearKb(regionName: string): void {
    const input = region(regionName)?.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) return;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  },

  kbStatus(regionName: string): string {
    return region(regionName)?.querySelector('[role="status"]')?.textContent ?? '';
  },

  heapMb(): { used: number; total: number; gc: boolean } {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) g();
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number; totalJSHeapSize: number } }).memory;
    return { used: (memory?.usedJSHeapSize ?? 0) / 2 ** 20, total: (memory?.totalJSHeapSize ?? 0) / 2 ** 20, gc: g !== undefined };
  },

  /** Wall-clock time in ms with sub-millisecond precision, comparable across browser processes. */
  wallNow(): number {
    return performance.timeOrigin + performance.now();
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
