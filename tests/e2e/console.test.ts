// Issue 5's end-to-end scenario in real Chromium against the real server with demo data: an agent signs
// in, sees both desks and the knowledge base side by side, works a ticket (assign, reply, note), inserts
// a knowledge-base article into a reply, changes a ticket offline and sees it wait, comes back online and
// sees it confirmed and visible to a supervisor in another console, and switches the console to Czech.
// The steps run in order on one console; screenshots of the main screens go to test-results/e2e/.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, screenshot, screenshotsOnFailure, signIn, World, type Console, type TestServer } from './harness';

const PENDING_MARK = 'A change of yours that the server has not confirmed yet';

describeInChromium('the agent console in Chromium', () => {
  const world = new World();
  let server: TestServer;
  let consoleUrl: string;
  let agent: Console;
  let page: Page;
  let agentName: string;
  /** The Service Desk ticket the scenario works on. */
  let key: string;

  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const statusBar = () => page.getByRole('contentinfo', { name: 'Sync status' });
  const ticketPane = () => region(`Ticket ${key}`);
  const queueRow = (p: Page, desk: string, ticketKey: string) =>
    p.getByRole('region', { name: desk, exact: true }).getByRole('row').filter({ hasText: ticketKey });

  /**
   * A value too long for its cell runs on under the next cell, which must cover it: every cell of the
   * row paints the row's own background, opaque, in whatever state the row is.
   */
  async function expectCellsCoverOverflow(row: Locator): Promise<void> {
    const colours = await row.evaluate((el) => [el, ...el.children].map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(colours).size, colours.join(' | ')).toBe(1);
    expect(colours[0]).not.toMatch(/rgba|\/|transparent/);
  }

  /** Shows the ticket's row in the Service Desk queue: view "Mine", filtered by its key. */
  async function showInQueue(p: Page, view: 'mine' | 'allOpen', ticketKey: string): Promise<Locator> {
    const queue = p.getByRole('region', { name: 'Service Desk', exact: true });
    await queue.getByLabel('View', { exact: true }).selectOption(view);
    await queue.getByLabel('Filter tickets').fill(ticketKey);
    const row = queueRow(p, 'Service Desk', ticketKey);
    // A console that has just signed in may need its bootstrap to bring the ticket.
    await expect.poll(() => row.count(), { timeout: 90_000 }).toBe(1);
    return row;
  }

  beforeAll(async () => {
    [server, consoleUrl, agent] = await Promise.all([world.startServer({ tickets: 900, articles: 60 }), world.serveConsole(), world.launch()]);
    page = agent.page;
    agentName = (await server.login('agent@example.com')).agent.name;
  });

  screenshotsOnFailure(() => world.pages());

  afterAll(async () => {
    const errors = world.pageErrors.splice(0);
    await world.dispose();
    expect(errors, 'uncaught errors in the console pages').toEqual([]);
  });

  /** The panes take the window's height down to the status bar, one line at the window's bottom, whatever the panes hold. */
  async function expectPanesFillWindow(): Promise<void> {
    const windowHeight = await page.evaluate(() => innerHeight);
    const bar = (await statusBar().boundingBox())!;
    expect(bar.height).toBeLessThan(40);
    expect(Math.abs(bar.y + bar.height - windowHeight)).toBeLessThan(2);
    for (const name of ['Service Desk', 'Help Desk', 'Knowledge base']) {
      const pane = (await region(name).boundingBox())!;
      expect(bar.y - (pane.y + pane.height), `${name} pane's bottom`).toBeLessThan(3);
    }
  }

  it('signs in and shows the Service Desk, the Help Desk and the knowledge base side by side', async () => {
    await page.goto(consoleUrl);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await screenshot(page, '01-sign-in');
    await signIn(page, consoleUrl, server, 'agent@example.com');

    const panes = await Promise.all(['Service Desk', 'Help Desk', 'Knowledge base'].map(async (name) => {
      await expect.poll(() => region(name).isVisible(), { message: `${name} pane` }).toBe(true);
      return (await region(name).boundingBox())!;
    }));
    const [service, help, kb] = panes as [NonNullable<(typeof panes)[0]>, NonNullable<(typeof panes)[0]>, NonNullable<(typeof panes)[0]>];
    // Side by side: left to right, not overlapping, sharing the same band of the window.
    expect(service.x + service.width).toBeLessThanOrEqual(help.x + 1);
    expect(help.x + help.width).toBeLessThanOrEqual(kb.x + 1);
    for (const pane of [help, kb]) expect(Math.abs(pane.y - service.y)).toBeLessThan(50);
    await expectPanesFillWindow(); // while the cache loads and the queues hold a few rows

    // Both queues list tickets of their desk.
    await expect.poll(() => queueRow(page, 'Service Desk', 'SD-').count()).toBeGreaterThan(0);
    await expect.poll(() => queueRow(page, 'Help Desk', 'HD-').count()).toBeGreaterThan(0);
    await expect.poll(() => statusBar().getByRole('button', { name: '0 pending' }).isVisible()).toBe(true);
    const plain = queueRow(page, 'Help Desk', 'HD-').first();
    await expectCellsCoverOverflow(plain);
    await plain.hover();
    await expectCellsCoverOverflow(plain);
    await expectPanesFillWindow();
    await screenshot(page, '02-console');
  });

  it('keeps every row of a scrolled queue in its place, scrolled by rows or by pages, down and up', async () => {
    const queue = region('Help Desk');
    await queue.getByLabel('View', { exact: true }).selectOption('allOpen');
    const grid = queue.getByRole('grid');
    /** Where each rendered row is, from the top of the list (the header is row 1), and what is in view. */
    const layout = () => grid.evaluate((g) => {
      const origin = g.getBoundingClientRect().top - g.scrollTop;
      const rows = [...g.querySelectorAll('[role="row"]')].map((r) => ({
        index: Number(r.getAttribute('aria-rowindex')),
        top: r.getBoundingClientRect().top - origin,
        height: r.getBoundingClientRect().height,
      }));
      return { rows, rowCount: Number(g.getAttribute('aria-rowcount')), scrollTop: g.scrollTop, viewHeight: g.clientHeight, scrollHeight: g.scrollHeight };
    });
    const misplaced = async (): Promise<string[]> => {
      const { rows, rowCount, scrollTop, viewHeight } = await layout();
      const rowHeight = rows.find((r) => r.index === 1)!.height;
      const body = rows.filter((r) => r.index > 1).sort((a, b) => a.index - b.index);
      const wrong = body.filter((r) => Math.abs(r.top - (r.index - 1) * rowHeight) > 0.5).map((r) => `row ${r.index} at ${r.top}`);
      // The rows rendered cover the view, under the sticky header, to its bottom edge.
      if (body[0]!.top > scrollTop + rowHeight + 0.5) wrong.push(`nothing above ${body[0]!.top} (view from ${scrollTop})`);
      const last = body.at(-1)!;
      if (last.top + rowHeight < Math.min(scrollTop + viewHeight, rowCount * rowHeight) - 0.5) wrong.push(`nothing below ${last.top}`);
      return wrong;
    };
    // Long enough to scroll by pages, once the bootstrap has brought the whole queue.
    await expect.poll(async () => {
      const { viewHeight, scrollHeight } = await layout();
      return scrollHeight / viewHeight;
    }, { message: 'Help Desk queue height, in views', timeout: 60_000 }).toBeGreaterThan(4);
    const { viewHeight, scrollHeight } = await layout();
    // Rows at a time (most rows stay in view), then pages at a time (the rows all show new tickets),
    // back up a few rows, to the end and to the top.
    const targets = [28, 56, 140, 140 + viewHeight, 140 + 2.5 * viewHeight, 84 + 2.5 * viewHeight, 2.5 * viewHeight, scrollHeight, 0];
    for (const top of targets) {
      await grid.evaluate((g, to) => (g.scrollTop = to), top);
      await expect.poll(misplaced, { message: `rows placed after scrolling to ${top}` }).toEqual([]);
    }
  });

  it('opens a ticket, assigns it to the agent, replies and adds an internal note', async () => {
    const queue = region('Service Desk');
    await queue.getByLabel('View', { exact: true }).selectOption('unassigned');
    key = /SD-\d+/.exec(await queue.getByRole('row').filter({ hasText: /SD-\d+/ }).first().innerText())![0];
    // A live change can reorder the view before the click: it goes to the row of the key read.
    await queue.getByRole('row').filter({ hasText: new RegExp(`${key}(?!\\d)`) }).click();
    await expect.poll(() => ticketPane().isVisible(), { message: `the pane of ${key}` }).toBe(true);
    await expectCellsCoverOverflow(queue.getByRole('row', { selected: true }));
    const facts = ticketPane().getByRole('group', { name: 'Ticket actions' });

    await facts.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => facts.getByRole('button', { name: 'Unassign me' }).isVisible()).toBe(true);
    await expect.poll(() => ticketPane().getByLabel('Ticket facts').innerText()).toContain(agentName);

    const reply = `Hello, we are looking into it (${key}).`;
    await ticketPane().getByLabel('Reply to the requester').fill(reply);
    await ticketPane().getByRole('button', { name: 'Send reply' }).click();
    await ticketPane().getByLabel('Internal note', { exact: true }).check();
    const note = `Checked the logs of ${key}; escalate if it recurs.`;
    await ticketPane().getByLabel('Internal note for agents').fill(note);
    await ticketPane().getByRole('button', { name: 'Add internal note' }).click();

    const replyEntry = ticketPane().getByRole('article', { name: `Public reply by ${agentName}` });
    const noteEntry = ticketPane().getByRole('article', { name: `Internal note by ${agentName}` });
    await expect.poll(() => replyEntry.filter({ hasText: reply }).count()).toBe(1);
    await expect.poll(() => noteEntry.filter({ hasText: note }).count()).toBe(1);
    // All three changes reached the server.
    await expect.poll(() => statusBar().getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await screenshot(page, '03-ticket');
  });

  it('finds "tiskarna" in the knowledge base and inserts the article into the reply', async () => {
    const kb = region('Knowledge base');
    await kb.getByRole('combobox', { name: 'Search articles' }).fill('tiskarna');
    const result = kb.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: /Tiskárna netiskne/ }).first();
    await expect.poll(() => result.isVisible()).toBe(true);
    await result.click();
    await expect.poll(() => kb.getByRole('heading', { name: 'Tiskárna netiskne', exact: true }).isVisible()).toBe(true);

    const insert = kb.getByRole('group', { name: 'Insert into reply' });
    await expect.poll(() => insert.innerText()).toContain(`Inserts into the reply of ${key}`);
    await insert.getByRole('button', { name: 'Insert link' }).click();
    await expect.poll(() => insert.innerText()).toContain(`Link inserted into the reply of ${key}`);

    const composer = ticketPane().getByLabel('Reply to the requester');
    await expect.poll(() => composer.inputValue()).toMatch(/\[Tiskárna netiskne\]\(kb:[0-9a-f-]+\)/);
    await screenshot(page, '04-kb-insert');
    await ticketPane().getByRole('button', { name: 'Send reply' }).click();
    await expect
      .poll(() => ticketPane().getByRole('article', { name: `Public reply by ${agentName}` }).filter({ hasText: 'Tiskárna netiskne' }).count())
      .toBe(1);
    // Inserting also linked the article to the ticket.
    await expect.poll(() => ticketPane().getByRole('complementary', { name: 'Ticket details' }).innerText()).toMatch(/Linked to this ticket\n[\s\S]*Tiskárna netiskne/);
    await expect.poll(() => statusBar().getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 30_000 }).toBe(true);
  });

  it('keeps a change made offline pending, then confirms it online, and a second console sees it', async () => {
    const row = await showInQueue(page, 'mine', key);
    await expect.poll(() => row.getByTitle(PENDING_MARK).count()).toBe(0);

    await agent.context.setOffline(true);
    const note = `Offline note on ${key}: replaced the toner on site.`;
    await ticketPane().getByLabel('Internal note', { exact: true }).check();
    await ticketPane().getByLabel('Internal note for agents').fill(note);
    await ticketPane().getByRole('button', { name: 'Add internal note' }).click();

    // The note is in the conversation at once, and waits: in the status bar and on the ticket's row.
    await expect.poll(() => ticketPane().getByRole('article', { name: `Internal note by ${agentName}` }).filter({ hasText: note }).count()).toBe(1);
    await expect.poll(() => statusBar().getByRole('button', { name: '1 pending' }).isVisible()).toBe(true);
    await expect.poll(() => row.getByTitle(PENDING_MARK).isVisible()).toBe(true);
    await expect.poll(() => statusBar().getByRole('status').innerText(), { timeout: 30_000 }).toBe('offline');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Offline' }).innerText()).toMatch(/^Offline — last synced (now|\d+ seconds? ago)\./);
    // The reason is shown, and legible (not red on red).
    const reason = statusBar().getByText('The server cannot be reached.');
    await expect.poll(() => reason.isVisible()).toBe(true);
    const colours = await reason.evaluate((el) => ({ text: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
    expect(colours.text).not.toBe(colours.background);
    await screenshot(page, '05-offline-pending');
    // Still pending after a while offline: nothing pretends it was sent.
    await statusBar().getByRole('button', { name: '1 pending' }).click();
    const outbox = page.getByRole('list', { name: 'Pending changes' });
    await expect.poll(() => outbox.innerText()).toMatch(new RegExp(`Reply or note · ${key}\\s+waiting to be sent`));
    await page.getByRole('dialog', { name: 'Pending changes' }).getByRole('button', { name: 'Close', exact: true }).click();

    await agent.context.setOffline(false);
    await expect.poll(() => statusBar().getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => row.getByTitle(PENDING_MARK).count()).toBe(0);
    await expect.poll(() => statusBar().getByRole('status').innerText(), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => statusBar().innerText()).toMatch(/synced (now|\d+ seconds? ago)/);

    // A supervisor in another browser (another device) opens the same ticket and reads the note.
    const second = await world.launch();
    await signIn(second.page, consoleUrl, server, 'supervisor@example.com');
    const theirRow = await showInQueue(second.page, 'allOpen', key);
    await theirRow.click();
    const theirPane = second.page.getByRole('region', { name: `Ticket ${key}`, exact: true });
    await expect.poll(() => theirPane.getByRole('article', { name: `Internal note by ${agentName}` }).filter({ hasText: note }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => theirPane.getByLabel('Ticket facts').innerText()).toContain(agentName);
    await screenshot(second.page, '06-second-console');
  });

  it('switches the console to Czech', async () => {
    await page.getByRole('banner').getByLabel('Language').selectOption({ label: 'Čeština' });
    await expect.poll(() => region('Znalostní báze').isVisible()).toBe(true);
    await expect.poll(() => region('Knowledge base').count()).toBe(0);
    await expect.poll(() => page.getByRole('banner').getByLabel('Jazyk').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: '0 čeká' }).isVisible()).toBe(true);
    await expect.poll(() => region(`Tiket ${key}`).getByRole('button', { name: 'Odebrat mě' }).isVisible()).toBe(true);
    await expect.poll(() => region(`Tiket ${key}`).getByRole('button', { name: 'Přidat interní poznámku' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('cs');
    await screenshot(page, '07-czech');
  });
});
