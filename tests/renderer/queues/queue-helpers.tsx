// Helpers for the queue pane tests: a viewport for the virtualizer (jsdom lays nothing out), reading the
// grid the way an agent reads it, and the expected sets of the views worked out from the demo data with
// plain filters and the shared SLA clock, independently of the queue's own modules.
import { configure, screen, waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';
import { DEFAULT_SLA_POLICY, calendarFor, slaClock } from '../../../shared/rules/sla';
import type { Agent, Organization } from '../../../shared/schemas/entities';
import type { Ticket } from '../../../shared/schemas/ticket';
import { useUiStore } from '../../../renderer/app/ui-store';
import { QueuePane } from '../../../renderer/queues/QueuePane';
import { FIXTURE_NOW, makeConsole, renderInConsole } from '../console-fixture';

// fake-indexeddb is slow and these machines are shared: give the cache time, never a timing assertion.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 120_000 });

export const DESK_NAME = { service: 'Service Desk', help: 'Help Desk' } as const;

/** The virtualizer reads the scroll box's client size; jsdom reports 0, so give the grid one. */
export function setGridViewport(height: number, width = 1400): void {
  vi.restoreAllMocks();
  const size = (value: number) =>
    function (this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? value : 0;
    };
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(size(height));
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(size(width));
}

export function resetUi(): void {
  useUiStore.setState({ openTicket: { service: null, help: null }, focusedPane: 'service', activeTicketId: null });
}

export async function setup(options: { desk: 'service' | 'help'; tickets?: number; bootstrapped?: boolean }) {
  const world = await makeConsole({ tickets: options.tickets });
  if (options.bootstrapped !== false) await world.db.meta.put({ key: 'bootstrapped', value: true });
  const view = renderInConsole(<QueuePane desk={options.desk} />, world.services);
  const region = screen.getByRole('region', { name: DESK_NAME[options.desk] });
  return { ...world, view, region };
}

export const isOpen = (t: Ticket) => t.status !== 'resolved' && t.status !== 'closed';

export function openTickets(tickets: readonly Ticket[], desk: 'service' | 'help'): Ticket[] {
  return tickets.filter((t) => t.desk === desk && isOpen(t));
}

export function slaState(t: Ticket, organizations: readonly Organization[], now = FIXTURE_NOW) {
  const timeZone = organizations.find((o) => o.id === t.organizationId)?.timeZone ?? 'Europe/Prague';
  return slaClock({
    calendar: calendarFor(t.desk, timeZone),
    startedAt: t.createdAt,
    targetMinutes: DEFAULT_SLA_POLICY[t.desk][t.priority].resolutionMinutes,
    pauses: t.sla.pauses,
    now: now.toISOString(),
    stoppedAt: t.sla.resolvedAt,
  });
}

export function expectedViews(tickets: readonly Ticket[], desk: 'service' | 'help', actor: Agent, organizations: readonly Organization[]) {
  const open = openTickets(tickets, desk);
  return {
    'Mine': open.filter((t) => t.assigneeId === actor.id),
    'Unassigned': open.filter((t) => t.assigneeId === null),
    'My groups': open.filter((t) => t.groupId !== null && actor.groupIds.includes(t.groupId)),
    'SLA at risk': open.filter((t) => slaState(t, organizations).state !== 'ok'),
    'Pending': tickets.filter((t) => t.desk === desk && t.status === 'pending'),
    'All open': open,
  };
}

export const keysOf = (tickets: readonly Ticket[]) => tickets.map((t) => t.key!).sort();

// Rows and cells are found by their ARIA roles with plain selectors: testing-library's role queries
// work out accessibility for every element and take seconds over a grid of a few hundred cells.

/** The grid of a queue pane. */
export const gridOf = (region: HTMLElement) => region.querySelector<HTMLElement>('[role="grid"]')!;

/** The data rows on screen (the header row and a "no tickets" placeholder left out). */
export function dataRows(region: HTMLElement): HTMLElement[] {
  return [...gridOf(region).querySelectorAll<HTMLElement>('[role="row"]')].filter((r) => r.querySelectorAll('[role="gridcell"]').length > 1);
}

export function cellTexts(row: HTMLElement): string[] {
  return [...row.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? '');
}

/** The ticket key at the start of a row's first cell, as the agent reads it. */
export function rowKey(row: HTMLElement): string {
  const text = cellTexts(row)[0] ?? '';
  return /^[A-Z]+-\d+/.exec(text)?.[0] ?? text;
}

export const visibleKeys = (region: HTMLElement) => dataRows(region).map(rowKey);

/** Clicks a column header's sort button. */
export const sortButton = (region: HTMLElement, name: string) => columnHeader(region, name).querySelector('button')!;

/** The column header (its sort button's text) of the given name. */
export function columnHeader(region: HTMLElement, name: string): HTMLElement {
  const header = [...gridOf(region).querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) => h.textContent?.replace(/[▲▼]/g, '') === name);
  if (!header) throw new Error(`No column ${name}`);
  return header;
}

export const columnNames = (region: HTMLElement) =>
  [...gridOf(region).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent?.replace(/[▲▼]/g, ''));

export function viewSelect(region: HTMLElement): HTMLSelectElement {
  return region.querySelector<HTMLSelectElement>('select.sbq-view')!;
}

/** "Mine (7)" → count 7, for the option whose name is given. */
export function viewOption(region: HTMLElement, name: string): { text: string; count: number; value: string } {
  const option = [...viewSelect(region).options].find((o) => o.text.startsWith(`${name} (`));
  if (!option) throw new Error(`No view option ${name}`);
  return { text: option.text, count: Number(/\(([\d,]+)\)/.exec(option.text)![1]!.replace(/,/g, '')), value: option.value };
}

/** Waits until the queue has read the cache: the footer counts the rows of the view. */
export const statusText = (region: HTMLElement) => region.querySelector('[role="status"]')?.textContent ?? '';

export async function waitForRows(region: HTMLElement, count: number, timeout = 20_000): Promise<void> {
  await waitFor(() => expect(statusText(region)).toContain(`${count.toLocaleString('en')} ticket`), { timeout });
}

export { FIXTURE_NOW, makeConsole };
