// Issue 7's end-to-end scenario in real Chromium: consoles of three agents (three browser profiles, so
// three devices) against one real server. A field tech prepares for offline, goes offline, logs 45
// minutes on site with the timer and resolves a ticket. Meanwhile a supervisor's shift handover moves that
// very ticket to an agent of the arriving shift, who sets it to pending. The tech comes back online: the
// worklog is applied, the status change is a conflict shown with both sides, the tech keeps theirs
// ("keep mine") and the server ends resolved. The ticket's history on the server (and in the console's
// history view) holds every step, and the handover's outcome equals the preview it was run from.
// The steps run in order and share state; screenshots of the main steps go to test-results/e2e/.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, screenshot, screenshotsOnFailure, signIn, World, type Agent, type Console, type TestServer } from './harness';

const TECH = 'tech@example.com';
const SUPERVISOR = 'supervisor@example.com';
/**
 * The agent of the arriving (late) shift the supervisor hands the ticket to. Chosen in the wizard as an
 * adjustment of the preview rather than left to the strategy, so the test knows whose console to open
 * next whatever the balance of the demo data; a Service Desk agent with the printing and workstation
 * skills of field work.
 */
const NEW_ASSIGNEE = 'veronika.pospisilova@switchboard.example';
const MINUTES_ON_SITE = 45;
const RESOLUTION = 'Replaced the fuser unit on site; test page prints cleanly.';

type Ticket = { id: string; key: string; desk: string; status: string; assigneeId: string | null; resolution?: string | null };
type Worklog = { id: string; ticketId: string; agentId: string; minutes: number; onSite: boolean; note: string; createdAt: string };
type HistoryEntry = { at: string; agentId: string | null; mutation: string; outcome: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
type Move = { key: string; from: string; to: string };
type ServerAgent = Agent & { shiftId: string | null };

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Waits until a console has loaded its whole cache and has nothing left to send. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => statusBar(page).getByRole('progressbar').count(), { timeout: 90_000 }).toBe(0);
  await expect.poll(() => statusBar(page).getByRole('status').innerText(), { timeout: 60_000 }).toBe('online');
  await expect.poll(() => statusBar(page).getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 30_000 }).toBe(true);
}

describeInChromium('field work offline and a shift handover in Chromium', () => {
  const world = new World();
  let server: TestServer;
  let consoleUrl: string;
  let tech: Console;
  let supervisor: Console;
  /** The console of the agent who receives the ticket at the handover. */
  let arriving: Console;
  let techAgent: Agent;
  let supervisorToken: string;
  /** Every agent on the server, by id (names are what the consoles show). */
  let agents: Map<string, ServerAgent>;
  let newAssignee: ServerAgent;
  /** The tech's ticket the scenario is about. */
  let ticket: Ticket;
  /** When the scenario's own changes start: history entries before this are the demo data's. */
  let startedAt: string;
  /** The handover preview as the wizard showed it when the supervisor ran it. */
  let preview: Move[];

  const nameOf = (id: string | null) => (id === null ? 'Unassigned' : agents.get(id)?.name ?? id);
  const tickets = async () => [...((await server.snapshot(supervisorToken)).get('ticket')?.values() ?? [])] as unknown as Ticket[];
  const serverTicket = async () => (await tickets()).find((t) => t.id === ticket.id)!;
  const history = async () => (await server.get<{ entries: HistoryEntry[] }>(`/tickets/${ticket.id}/history`, supervisorToken)).entries.filter((e) => e.at >= startedAt);

  beforeAll(async () => {
    [server, consoleUrl, tech, supervisor, arriving] = await Promise.all([
      world.startServer({ tickets: 600, articles: 40 }), world.serveConsole(), world.launch(), world.launch(), world.launch(),
    ]);
    const sup = await server.login(SUPERVISOR);
    supervisorToken = sup.token;
    techAgent = (await server.login(TECH)).agent;
    const snapshot = await server.snapshot(supervisorToken);
    agents = new Map([...(snapshot.get('agent')?.values() ?? [])].map((a) => [a.id as string, a as unknown as ServerAgent]));
    newAssignee = [...agents.values()].find((a) => a.email === NEW_ASSIGNEE)!;
    const techShift = agents.get(techAgent.id)!.shiftId;
    // The handover below moves the open tickets of the tech's own shift (early) to the late shift, so every
    // open ticket of the tech's moves; the arriving agent must be on the other shift for that.
    expect(techShift).not.toBeNull();
    expect(newAssignee.shiftId).not.toBe(techShift);
    // The demo data (a fixed seed) gives the field techs on-site tickets; the scenario takes the tech's
    // first one in status "open", so the tech may resolve it and the new assignee may set it pending.
    // The data is "as of" now: with 200 tickets the tech had no open one at about a third of the times
    // of day; with 600, at none of a week's times sampled every 37 minutes.
    const techTickets = [...(snapshot.get('ticket')?.values() ?? [])]
      .map((t) => t as unknown as Ticket)
      .filter((t) => t.assigneeId === techAgent.id && t.status === 'open' && t.desk === 'service')
      .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
    expect(techTickets.length, 'open tickets of the tech in the demo data').toBeGreaterThan(0);
    ticket = techTickets[0]!;
    startedAt = new Date().toISOString();
  });

  screenshotsOnFailure(() => world.pages());

  afterAll(async () => {
    const errors = world.pageErrors.splice(0);
    await world.dispose();
    expect(errors, 'uncaught errors in the console pages').toEqual([]);
  });

  /** The tech's ticket in the Field pane's "On site" list. */
  const siteTicket = () => region(tech.page, 'Field work').getByRole('article').filter({ has: tech.page.getByRole('heading', { name: new RegExp(`^${ticket.key} `) }) });

  it('the tech, the supervisor and the agent of the next shift sign in, each on their own device', async () => {
    // All at once, as at the start of a working day (and so their caches load side by side).
    await Promise.all([signIn(tech.page, consoleUrl, server, TECH), signIn(supervisor.page, consoleUrl, server, SUPERVISOR), signIn(arriving.page, consoleUrl, server, newAssignee.email)]);
    await Promise.all([tech, supervisor, arriving].map((c) => settled(c.page)));
    await expect.poll(() => region(tech.page, 'Field work').isVisible(), { message: 'a field tech sees the Field work pane' }).toBe(true);
  });

  it('the field tech prepares for offline, goes offline, logs 45 minutes on site and resolves the ticket', async () => {
    const { page, context } = tech;
    const field = region(page, 'Field work');

    const prepare = field.getByRole('region', { name: 'Prepare for offline' });
    await prepare.getByRole('button', { name: 'Prepare for offline' }).click();
    await expect.poll(() => prepare.getByText(/^Last prepared /).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => prepare.getByTestId('readiness').innerText()).toMatch(/^Ready for offline — synced (now|\d+ seconds? ago)\.$/);
    const counts = prepare.getByRole('definition');
    await expect.poll(async () => Number((await counts.first().innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await expect.poll(() => siteTicket().count()).toBe(1);
    await screenshot(page, 'field-01-prepared');

    await context.setOffline(true);
    await expect.poll(() => statusBar(page).getByRole('status').innerText(), { timeout: 30_000 }).toBe('offline');

    // On arrival the tech starts the timer; on leaving stops it and logs the time (45 minutes: a test
    // cannot wait that long, so the tech corrects the minutes the form offers, as the form allows).
    const site = siteTicket();
    await site.getByRole('button', { name: 'Start on arrival' }).click();
    await expect.poll(() => site.getByRole('timer', { name: 'Time on site' }).isVisible()).toBe(true);
    await site.getByRole('button', { name: 'Stop on leaving' }).click();
    const worklog = site.getByRole('form', { name: 'Log the time on site' });
    await expect.poll(() => worklog.getByLabel('Minutes').inputValue()).toMatch(/^\d+$/);
    await worklog.getByLabel('Minutes').fill(String(MINUTES_ON_SITE));
    await worklog.getByLabel('What was done').fill('Printer on the 2nd floor: fuser replaced.');
    await worklog.getByRole('button', { name: 'Log work' }).click();
    await expect.poll(() => site.getByRole('button', { name: 'Start on arrival' }).isVisible()).toBe(true);

    const status = site.getByRole('form', { name: `Status of ${ticket.key}` });
    await status.getByLabel('Status').selectOption({ label: 'Resolved' });
    await status.getByLabel('Resolution').fill(RESOLUTION);
    await status.getByRole('button', { name: 'Change status' }).click();
    // The tech's side shows at once: the ticket is resolved on this device, and both changes wait here.
    await expect.poll(() => site.innerText()).toContain('Resolved');
    const pending = field.getByRole('list', { name: 'Changes waiting to be sent' });
    await expect.poll(() => pending.getByRole('listitem').allInnerTexts()).toEqual([`Worklog · ${ticket.key}`, `Change status · ${ticket.key}`]);
    await expect.poll(() => statusBar(page).getByRole('button', { name: '2 pending' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Offline' }).isVisible()).toBe(true);
    // Nothing reached the server: it still has the ticket open and assigned to the tech.
    expect(await serverTicket()).toMatchObject({ status: 'open', assigneeId: techAgent.id });
    // The ticket pane stays open beside the queue, to read its history once back online.
    await site.getByRole('button', { name: `Open ${ticket.key}` }).click();
    await expect.poll(() => region(page, `Ticket ${ticket.key}`).isVisible()).toBe(true);
    await screenshot(page, 'field-02-offline-on-site');
  });

  it('meanwhile the supervisor hands the early shift over, and the outcome equals the preview', async () => {
    const { page } = supervisor;
    await page.getByRole('button', { name: 'Show Supervisor' }).click();
    await page.getByRole('button', { name: 'Maximize Supervisor' }).click();
    const pane = region(page, 'Supervisor');
    await pane.getByRole('tab', { name: 'Handover' }).click();
    const wizard = pane.getByRole('form', { name: 'Shift handover' });
    // The tech's shift leaves, so the tech's ticket is among the moves.
    await wizard.getByLabel('Leaving shift').selectOption({ label: 'Early (06:00–14:00)' });
    await wizard.getByLabel('Arriving shift').selectOption({ label: 'Late (14:00–22:00)' });
    await wizard.getByRole('radio', { name: 'Balanced' }).check();

    const table = wizard.getByRole('table').filter({ has: page.getByText(/^\d+ tickets? moves?$/) });
    const techRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ticket.key, exact: true }) });
    await expect.poll(() => techRow.count(), { message: `${ticket.key} in the preview`, timeout: 30_000 }).toBe(1);
    expect(await techRow.getByRole('cell').nth(1).innerText()).toBe(techAgent.name);
    // The supervisor adjusts the preview: the tech's ticket goes to a chosen agent of the arriving shift.
    await techRow.getByRole('combobox', { name: `Arriving agent for ${ticket.key}` }).selectOption({ label: newAssignee.name });
    await expect.poll(() => selectedTarget(techRow)).toBe(newAssignee.name);

    preview = await previewMoves(table);
    expect(preview.find((m) => m.key === ticket.key)).toEqual({ key: ticket.key, from: techAgent.name, to: newAssignee.name });
    // Every open ticket of the leaving shift is in the preview, as the server sees it before the run
    // (the late shift serves both desks, so none is left with nobody to take it).
    expect(await wizard.getByRole('group', { name: 'Nobody can take these' }).count()).toBe(0);
    const early = new Set([...agents.values()].filter((a) => a.shiftId === agents.get(techAgent.id)!.shiftId).map((a) => a.id));
    const openOfEarly = (await tickets()).filter((t) => t.assigneeId !== null && early.has(t.assigneeId) && t.status !== 'resolved' && t.status !== 'closed');
    expect(preview.map((m) => m.key).sort()).toEqual(openOfEarly.map((t) => t.key).sort());
    await wizard.getByLabel('Handover note').fill('Early → late. The printer ticket goes to Veronika (printing).');
    await screenshot(page, 'field-03-handover-preview');

    await wizard.getByRole('button', { name: `Run handover (${preview.length} tickets)` }).click();
    const outcome = pane.getByRole('region', { name: 'Outcome of the handover' });
    await expect.poll(() => outcome.getByText('The outcome equals the preview.').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => outcome.innerText()).toContain(`${preview.length} tickets moved.`);
    await screenshot(page, 'field-04-handover-outcome');

    // The server's assignees afterwards are the preview's, ticket by ticket.
    const after = new Map((await tickets()).map((t) => [t.key, t]));
    expect(preview.map((m) => ({ ...m, to: nameOf(after.get(m.key)!.assigneeId) }))).toEqual(preview);
    // And the moves the server reported, as the wizard lists them, are the preview's.
    expect(await movesOf(outcome.getByRole('table', { name: 'Moves' }))).toEqual(preview);
    expect(await serverTicket()).toMatchObject({ status: 'open', assigneeId: newAssignee.id });
  });

  it('the arriving agent sets the ticket to pending in their console', async () => {
    const { page } = arriving;
    // The handover reaches the console that was already open: it arrives by the live sync.
    const queue = region(page, 'Service Desk');
    await queue.getByLabel('View', { exact: true }).selectOption('mine');
    await queue.getByLabel('Filter tickets').fill(ticket.key);
    const row = queue.getByRole('row').filter({ hasText: ticket.key });
    await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(1);
    await row.click();
    const pane = region(page, `Ticket ${ticket.key}`);
    await expect.poll(() => pane.getByLabel('Ticket facts').innerText()).toContain(newAssignee.name);
    const status = pane.getByRole('form', { name: 'Change status' });
    await status.getByLabel('New status').selectOption({ label: 'Pending' });
    await status.getByRole('button', { name: 'Change status' }).click();
    await expect.poll(() => statusBar(page).getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await serverTicket()).status, { timeout: 30_000 }).toBe('pending');
    await screenshot(page, 'field-05-new-assignee-pending');
    // Its part is done; one browser fewer on a busy machine.
    await arriving.context.close();
  });

  it('back online, the worklog is applied and the status change is a conflict the tech resolves', async () => {
    const { page, context } = tech;
    await context.setOffline(false);
    const field = region(page, 'Field work');
    const backOnline = field.getByRole('region', { name: 'Pending changes' });
    // The worklog is applied: work done on site is never lost.
    await expect.poll(() => statusBar(page).getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => backOnline.getByRole('status').innerText(), { timeout: 30_000 }).toBe('Back online: all 2 changes sent.');
    const worklogs = [...((await server.snapshot(supervisorToken)).get('worklog')?.values() ?? [])] as unknown as Worklog[];
    expect(worklogs.filter((w) => w.ticketId === ticket.id && w.createdAt >= startedAt)).toEqual([
      expect.objectContaining({ agentId: techAgent.id, minutes: MINUTES_ON_SITE, onSite: true, note: 'Printer on the 2nd floor: fuser replaced.' }),
    ]);

    // The status change met the new assignee's: a conflict, with both sides and where the ticket went.
    await expect.poll(() => statusBar(page).getByRole('button', { name: '1 conflict' }).isVisible(), { timeout: 30_000 }).toBe(true);
    const sides = backOnline.getByRole('group', { name: '1 conflict' });
    await expect.poll(() => sides.getByRole('row').allInnerTexts()).toEqual(['Field\tMine\tTheirs (server)', 'Status\tResolved\tPending']);
    await expect.poll(() => sides.innerText()).toContain(`Change status · ${ticket.key}`);
    await expect.poll(() => sides.innerText()).toContain(`The ticket is now assigned to: ${newAssignee.name}.`);
    // The server still has the new assignee's status: nothing was overwritten behind anyone's back.
    expect(await serverTicket()).toMatchObject({ status: 'pending', assigneeId: newAssignee.id });
    await screenshot(page, 'field-06-conflict');

    // The tech did resolve it on site: in the conflicts inbox they keep their side.
    await sides.getByRole('button', { name: 'Resolve in the conflicts inbox' }).click();
    const inbox = page.getByRole('dialog', { name: 'Conflicts' });
    const conflict = inbox.getByRole('listitem').filter({ hasText: `Change status · ${ticket.key}` });
    await expect.poll(() => conflict.getByRole('row').allInnerTexts()).toEqual(['Field\tMine\tTheirs (server)', 'Status\tResolved\tPending']);
    await screenshot(page, 'field-07-conflicts-inbox');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => inbox.getByText('No conflicts.').isVisible()).toBe(true);
    await inbox.getByRole('button', { name: 'Close', exact: true }).click();

    // Kept on the new base: the server's ticket is resolved with the tech's resolution, still with its new assignee.
    await expect.poll(async () => (await serverTicket()).status, { timeout: 30_000 }).toBe('resolved');
    expect(await serverTicket()).toMatchObject({ status: 'resolved', resolution: RESOLUTION, assigneeId: newAssignee.id });
    await expect.poll(() => statusBar(page).getByRole('button', { name: '0 conflicts' }).isVisible()).toBe(true);
    await expect.poll(() => statusBar(page).getByRole('button', { name: '0 pending' }).isVisible(), { timeout: 30_000 }).toBe(true);
  });

  it('the ticket history on the server and in the console shows every step', async () => {
    const entries = await history();
    const steps = entries.map((e) => ({ agent: nameOf(e.agentId), mutation: e.mutation, outcome: e.outcome }));
    // The server's order is the order the changes reached it: the tech's two went last, after coming back.
    expect(steps).toEqual([
      { agent: supervisorName(), mutation: 'shift.handover', outcome: 'applied' },
      { agent: newAssignee.name, mutation: 'ticket.setStatus', outcome: 'applied' },
      { agent: techAgent.name, mutation: 'worklog.add', outcome: 'applied' },
      { agent: techAgent.name, mutation: 'ticket.setStatus', outcome: 'conflict' },
      { agent: techAgent.name, mutation: 'ticket.setStatus', outcome: 'applied' },
    ]);
    const [handover, pending, worklog, conflict, kept] = entries as [HistoryEntry, HistoryEntry, HistoryEntry, HistoryEntry, HistoryEntry];
    expect(handover.before).toMatchObject({ assigneeId: techAgent.id });
    expect(handover.after).toMatchObject({ assigneeId: newAssignee.id });
    expect(pending.before).toMatchObject({ status: 'open' });
    expect(pending.after).toMatchObject({ status: 'pending' });
    expect(JSON.stringify(worklog.after)).toContain(String(MINUTES_ON_SITE));
    // The conflict records what each side wanted: the server's status, and the tech's.
    expect(conflict.before).toMatchObject({ status: 'pending' });
    expect(conflict.after).toMatchObject({ status: 'resolved' });
    expect(kept.before).toMatchObject({ status: 'pending' });
    expect(kept.after).toMatchObject({ status: 'resolved' });

    // The same trail in the tech's console, in the ticket's history view (it needs the network).
    const { page } = tech;
    const pane = region(page, `Ticket ${ticket.key}`);
    await pane.getByRole('button', { name: 'Show history' }).click();
    const items = pane.getByRole('listitem').filter({ hasText: /handed over at shift change|changed status|logged work/ });
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    const texts = (await items.allInnerTexts()).slice(-5);
    // Each entry: when, who, what, the outcome, then the fields it changed (before → after).
    const entry = (text: string | undefined, who: string, what: string, outcome: string, ...changes: string[]) => {
      expect(text).toMatch(new RegExp(`^.+\\n${who}\\n${what}\\n${outcome}\\n`));
      for (const change of changes) expect(text).toContain(change);
    };
    entry(texts[0], supervisorName(), 'handed over at shift change', 'applied', `Assignee: ${techAgent.name} → ${newAssignee.name}`);
    entry(texts[1], newAssignee.name, 'changed status', 'applied', 'Status: Open → Pending');
    entry(texts[2], techAgent.name, 'logged work', 'applied', `Worklog minutes: — → ${MINUTES_ON_SITE}`, 'On site: — → yes');
    // The conflict: the server's status then, and the status the tech wanted.
    entry(texts[3], techAgent.name, 'changed status', 'conflict', 'Status: Pending → Resolved');
    entry(texts[4], techAgent.name, 'changed status', 'applied', 'Status: Pending → Resolved', RESOLUTION);
    await items.last().scrollIntoViewIfNeeded();
    await screenshot(page, 'field-08-history');
  });

  function supervisorName(): string {
    return [...agents.values()].find((a) => a.email === SUPERVISOR)!.name;
  }
});

const byKey = (a: Move, b: Move) => a.key.localeCompare(b.key, 'en', { numeric: true });

/** The option a row's target select shows. */
function selectedTarget(row: Locator): Promise<string> {
  return row.getByRole('combobox').evaluate((el) => {
    const select = el as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent ?? '';
  });
}

/** The preview's moves as the supervisor reads them: key, from, and the agent each target select shows. */
async function previewMoves(table: Locator): Promise<Move[]> {
  const moves = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      const select = row.querySelector('select');
      return { key: row.querySelector('th')?.textContent ?? '', from: cells[1]?.textContent ?? '', to: select?.selectedOptions[0]?.textContent ?? '' };
    }),
  );
  return moves.sort(byKey);
}

/** The moves of the handover's outcome table: key, from, to. */
async function movesOf(table: Locator): Promise<Move[]> {
  const moves = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return { key: row.querySelector('th')?.textContent ?? '', from: cells[0]?.textContent ?? '', to: cells[1]?.textContent ?? '' };
    }),
  );
  return moves.sort(byKey);
}
