// Issue 4's sync engine where it really runs: Debian's Chromium against the reference server. The engine
// runs in a Web Worker (the cache fills with visible progress while the page keeps answering); a reload
// in the middle of the bootstrap resumes from the cursor saved in IndexedDB and ends equal to the server;
// and two pages of one device elect one leader with Web Locks, the other taking over when it closes.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { cacheName, cachedTicketCount, describeInChromium, screenshotsOnFailure, signIn, World, type Agent, type Console, type TestServer } from './harness';

type Progress = { done: number; total: number };
type Recorder = { progress: Progress[]; longTasks: number[] };
declare global {
  interface Window {
    __recorder?: Recorder;
  }
}

/**
 * Runs in every page before the console's own scripts: records each bootstrap progress the status bar
 * shows (done / total, as the user sees it) and the main thread's long tasks.
 */
function recordProgress() {
  const recorder: Recorder = { progress: [], longTasks: [] };
  window.__recorder = recorder;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recorder.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const bar = document.querySelector<HTMLProgressElement>('footer[aria-label="Sync status"] progress');
    if (!bar) return;
    const previous = recorder.progress[recorder.progress.length - 1];
    if (previous?.done !== bar.value) recorder.progress.push({ done: bar.value, total: bar.max });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** The resources a page or worker fetched whose path includes `part` (its own performance timeline). */
function fetched(part: string): number {
  return performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).length;
}

const recorded = (page: Page) => page.evaluate(() => window.__recorder ?? { progress: [], longTasks: [] });
const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' });
const syncState = (page: Page) => statusBar(page).getByRole('status').innerText();
const syncWorkers = (page: Page) => page.workers().filter((w) => /worker/.test(w.url()));

describeInChromium('the sync engine in Chromium', () => {
  const world = new World();
  let server: TestServer;
  let consoleUrl: string;
  let token: string;
  let agent: Agent;
  let serverTickets: number;
  /** One device (a browser profile) for both tests: the second starts from the cache the first filled. */
  let device: Console;

  beforeAll(async () => {
    // Big enough that the bootstrap takes several pages and some seconds, so a reload can land inside it.
    [server, consoleUrl, device] = await Promise.all([world.startServer({ tickets: 3000, articles: 60 }), world.serveConsole(), world.launch()]);
    ({ token, agent } = await server.login('agent@example.com'));
    serverTickets = (await server.snapshot(token)).get('ticket')?.size ?? 0;
    expect(serverTickets).toBeGreaterThan(1000);
  });

  screenshotsOnFailure(() => world.pages());

  afterAll(async () => {
    const errors = world.pageErrors.splice(0);
    await world.dispose();
    expect(errors, 'uncaught errors in the console pages').toEqual([]);
  });

  it('bootstraps in a Web Worker with moving progress while the page stays responsive, resuming after a reload', async () => {
    const { page, context } = device;
    await context.addInitScript(recordProgress);
    const requests: { url: URL; at: 'first load' | 'after reload' }[] = [];
    let phase: 'first load' | 'after reload' = 'first load';
    context.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/sync/')) requests.push({ url, at: phase });
    });
    // Pages of the bootstrap after the first wait until the test lets them through, so the reload lands
    // inside the bootstrap on a machine of any speed. Only the timing is held; the data is the server's.
    const held: (() => void)[] = [];
    let holding = true;
    const pullUrl = (url: URL) => url.pathname === '/api/v1/sync/pull';
    await context.route(pullUrl, async (route) => {
      if (holding && new URL(route.request().url()).searchParams.has('cursor')) await new Promise<void>((release) => held.push(release));
      await route.continue().catch(() => undefined); // its page may have been reloaded meanwhile
    });
    const release = () => {
      holding = false;
      held.splice(0).forEach((go) => go());
    };
    onTestFinished(async () => {
      release();
      await context.unroute(pullUrl);
    });

    await signIn(page, consoleUrl, server, 'agent@example.com');
    // The engine runs in a dedicated worker: the pulls are the worker's requests, not the page's.
    await expect.poll(() => syncWorkers(page).length).toBe(1);
    await expect.poll(() => syncWorkers(page)[0]!.evaluate(fetched, '/sync/pull')).toBeGreaterThan(0);
    expect(await page.evaluate(fetched, '/sync/pull')).toBe(0);
    // Except the first screen's slice: the page asks for it while the worker is still loading.
    expect(await page.evaluate(fetched, '/sync/slice')).toBe(1);
    expect(await syncWorkers(page)[0]!.evaluate(fetched, '/sync/slice')).toBe(0);

    // The first screen comes from the slice and the first page: the queue has rows and the status bar
    // shows how far the cache has loaded, while the rest of the bootstrap is still to come.
    await expect.poll(() => held.length, { timeout: 60_000 }).toBe(1);
    await expect.poll(() => statusBar(page).innerText()).toMatch(/Loading the cache: [\d,]+ of about [\d,]+ rows/);
    const serviceDesk = page.getByRole('region', { name: 'Service Desk', exact: true });
    const ticketRows = serviceDesk.getByRole('row').filter({ hasText: /SD-\d+/ });
    await expect.poll(() => ticketRows.count()).toBeGreaterThan(0);
    // The page answers during the bootstrap: the quick filter narrows the queue.
    const firstKey = /SD-\d+/.exec(await ticketRows.first().innerText())![0];
    await serviceDesk.getByLabel('Filter tickets').fill(firstKey);
    await expect.poll(() => ticketRows.allInnerTexts()).toEqual([expect.stringContaining(firstKey)]);

    // Reload in the middle of the bootstrap, with its first page saved.
    const before = await recorded(page);
    const lastBefore = before.progress[before.progress.length - 1]!;
    expect(lastBefore.done).toBeGreaterThan(0);
    expect(lastBefore.done).toBeLessThan(lastBefore.total);
    phase = 'after reload';
    await page.reload();
    await page.getByRole('region', { name: 'Service Desk', exact: true }).waitFor();
    await expect.poll(() => syncWorkers(page).length).toBe(1);

    // The new worker goes on from the saved cursor: no slice (fetched only when there is no cursor), and
    // its first pull carries the cursor.
    await expect.poll(() => requests.filter((r) => r.at === 'after reload' && r.url.pathname === '/api/v1/sync/pull').length, { timeout: 60_000 }).toBeGreaterThan(0);
    const pulls = (at: string) => requests.filter((r) => r.at === at && r.url.pathname === '/api/v1/sync/pull');
    expect(pulls('first load')[0]!.url.searchParams.get('cursor')).toBeNull();
    expect(pulls('after reload')[0]!.url.searchParams.get('cursor')).toBeTruthy();
    release();

    // Its progress counts on from where it was (starting over would count from 0 again), moves, and ends.
    await expect.poll(async () => (await recorded(page)).progress.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => statusBar(page).getByRole('progressbar').count(), { timeout: 120_000 }).toBe(0);
    await expect.poll(() => syncState(page), { timeout: 60_000 }).toBe('online');
    const after = await recorded(page);
    expect(after.progress.length).toBeGreaterThanOrEqual(2);
    expect(after.progress[0]!.done).toBeGreaterThan(lastBefore.done);
    for (let i = 1; i < after.progress.length; i++) expect(after.progress[i]!.done).toBeGreaterThan(after.progress[i - 1]!.done);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/sync/slice').map((r) => r.at)).toEqual(['first load']);
    console.log(`bootstrap progress: ${before.progress.map((p) => p.done).join(' → ')} | reload | ${after.progress.map((p) => p.done).join(' → ')} of ${lastBefore.total} rows; ` +
      `longest main-thread task ${Math.round(Math.max(0, ...before.longTasks, ...after.longTasks))} ms`);

    // The cache holds every ticket the server lets this agent see.
    await expect.poll(() => cachedTicketCount(page, cacheName(server, agent.id))).toBe(serverTickets);
  });

  it('hands the sync leadership over from a closed page to another page of the same device', async () => {
    const { context, page: pageA } = device;
    if (!(await pageA.getByRole('region', { name: 'Service Desk', exact: true }).isVisible())) await signIn(pageA, consoleUrl, server, 'agent@example.com');
    await expect.poll(() => syncWorkers(pageA).length).toBe(1);

    // Page B of the same profile: it waits for the leader lock and runs no worker of its own.
    const pageB = await context.newPage();
    await signIn(pageB, consoleUrl, server, 'agent@example.com');
    const lock = `switchboard-sync-leader:${cacheName(server, agent.id)}`;
    const locks = () => pageB.evaluate(async (name) => {
      const state = await navigator.locks.query();
      return { held: (state.held ?? []).filter((l) => l.name === name).length, waiting: (state.pending ?? []).filter((l) => l.name === name).length };
    }, lock);
    await expect.poll(locks).toEqual({ held: 1, waiting: 1 });
    expect(syncWorkers(pageB)).toHaveLength(0);
    await expect.poll(() => syncState(pageA), { timeout: 120_000 }).toBe('online');
    // B shows the sync health the leader's worker reports.
    await expect.poll(() => statusBar(pageB).innerText()).toMatch(/^online\n· synced (now|\d+ seconds? ago)$/m);

    // While A leads, a change made in B goes out through A's worker.
    const { key } = await openUnassignedTicket(pageB);
    const ticketId = await ticketIdOf(key);
    const before = await notesInHistory(ticketId);
    const first = await addNote(pageB, key, 'Note written in page B while page A leads.');
    await expect.poll(() => notesInHistory(ticketId), { timeout: 30_000 }).toBe(before + 1);

    // A closes: B takes the lock, starts its own worker, and its next change reaches the server.
    await pageA.close();
    await expect.poll(locks).toEqual({ held: 1, waiting: 0 });
    await expect.poll(() => syncWorkers(pageB).length).toBe(1);
    const second = await addNote(pageB, key, 'Note written in page B after page A closed.');
    await expect.poll(() => notesInHistory(ticketId), { timeout: 30_000 }).toBe(before + 2);
    await expect.poll(() => statusBar(pageB).getByRole('button', { name: '0 pending' }).isVisible()).toBe(true);
    const comments = [...((await server.snapshot(token)).get('comment')?.values() ?? [])].filter((c) => c.ticketId === ticketId);
    expect(comments.map((c) => c.body)).toEqual(expect.arrayContaining([first, second]));
  });

  async function openUnassignedTicket(page: Page): Promise<{ key: string }> {
    const queue = page.getByRole('region', { name: 'Service Desk', exact: true });
    await queue.getByLabel('View', { exact: true }).selectOption('unassigned');
    const key = /SD-\d+/.exec(await queue.getByRole('row').filter({ hasText: /SD-\d+/ }).first().innerText())![0];
    // The page may still be filling its cache or switching the view: rows move, and a row's element can
    // show another ticket by the time the pointer lands on it. Click the row of that key until it opens.
    const pane = page.getByRole('region', { name: `Ticket ${key}`, exact: true });
    await expect.poll(async () => {
      await queue.getByRole('row').filter({ hasText: new RegExp(`${key}(?!\\d)`) }).click();
      return pane.isVisible();
    }, { timeout: 30_000 }).toBe(true);
    return { key };
  }

  async function addNote(page: Page, key: string, text: string): Promise<string> {
    const pane = page.getByRole('region', { name: `Ticket ${key}`, exact: true });
    await pane.getByLabel('Internal note', { exact: true }).check();
    await pane.getByLabel('Internal note for agents').fill(text);
    await pane.getByRole('button', { name: 'Add internal note' }).click();
    await expect.poll(() => pane.getByRole('article', { name: `Internal note by ${agent.name}` }).filter({ hasText: text }).count()).toBe(1);
    return text;
  }

  async function ticketIdOf(key: string): Promise<string> {
    const tickets = (await server.snapshot(token)).get('ticket')?.values() ?? [];
    const id = [...tickets].find((t) => t.key === key)?.id;
    if (typeof id !== 'string') throw new Error(`${key} is not on the server`);
    return id;
  }

  /** How many internal notes of this agent the server's audit history of the ticket records. */
  async function notesInHistory(ticketId: string): Promise<number> {
    const { entries } = await server.get<{ entries: { agentId: string | null; mutation: string; outcome: string; after: { comment?: string } }[] }>(`/tickets/${ticketId}/history`, token);
    return entries.filter((e) => e.agentId === agent.id && e.mutation === 'comment.add' && e.outcome === 'applied' && e.after.comment === 'internal').length;
  }
});
