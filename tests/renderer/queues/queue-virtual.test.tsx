// A long queue renders only the rows in its window (plus a few), and scrolling brings the right ones.
import { act, fireEvent, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceTicket } from '../../../shared/schemas/ticket';
import { formatDateTime } from '../../../renderer/i18n/format';
import { cellTexts, dataRows, gridOf, openTickets, rowKey, sortButton, resetUi, setGridViewport, setup, viewOption, visibleKeys, waitForRows } from './queue-helpers';

const ROW = 28; // px, the grid's fixed row height
const VIEWPORT = 600;

beforeEach(() => {
  setGridViewport(VIEWPORT);
  resetUi();
});

describe('virtualized queue', () => {
  it('keeps a few dozen rows in the page for thousands of tickets, and scrolls to the right ones', async () => {
    const user = userEvent.setup();
    const { region, demo } = await setup({ desk: 'service', tickets: 5000 });
    const open = openTickets(demo.tickets, 'service');
    expect(open.length).toBeGreaterThan(1000);
    await waitForRows(region, open.length, 90_000);
    expect(viewOption(region, 'All open').count).toBe(open.length);

    const shown = dataRows(region).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(60);
    const grid = gridOf(region);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(open.length + 1));

    // In key order, the 1,000th row is the 1,000th key; scrolling there renders it and drops the first.
    await user.click(sortButton(region, 'Key'));
    const byKey = [...open].sort((a, b) => Number(a.key!.slice(3)) - Number(b.key!.slice(3))).map((t) => t.key);
    await waitFor(() => expect(visibleKeys(region)[0]).toBe(byKey[0]));
    expect(visibleKeys(region)).not.toContain(byKey[1000]);

    act(() => {
      grid.scrollTop = 1000 * ROW;
      fireEvent.scroll(grid);
    });
    await waitFor(() => expect(visibleKeys(region)).toContain(byKey[1000]));
    expect(visibleKeys(region)).not.toContain(byKey[0]);
    expect(dataRows(region).length).toBeLessThan(60);
    // Rows carry their place in the whole list for assistive technology.
    const row1000 = dataRows(region).find((r) => rowKey(r) === byKey[1000])!;
    expect(row1000.getAttribute('aria-rowindex')).toBe(String(1000 + 2));

    // Scrolling on updates the rows in place: no row element is added, dropped or moved.
    const rowElements = new Set(dataRows(region));
    const changes: MutationRecord[] = [];
    const moves = new MutationObserver((records) => changes.push(...records));
    moves.observe(grid, { childList: true, subtree: true });
    act(() => {
      grid.scrollTop = 1020 * ROW;
      fireEvent.scroll(grid);
    });
    await waitFor(() => expect(visibleKeys(region)).toContain(byKey[1020 + Math.floor(VIEWPORT / ROW) - 2]));
    expect(visibleKeys(region)).not.toContain(byKey[1000]);
    changes.push(...moves.takeRecords());
    // Text updates inside cells are mutations too; only rows coming, going or moving count here.
    const isRow = (n: Node) => n instanceof Element && n.getAttribute('role') === 'row';
    const rowsAddedOrRemoved = changes.filter((m) => [...m.addedNodes, ...m.removedNodes].some(isRow));
    moves.disconnect();
    expect(rowsAddedOrRemoved).toEqual([]);
    expect(new Set(dataRows(region))).toEqual(rowElements);
    const row1020 = dataRows(region).find((r) => rowKey(r) === byKey[1020])!;
    expect(row1020.getAttribute('aria-rowindex')).toBe(String(1020 + 2));
    // Each row handed on to another ticket says that ticket's values in every cell, tooltips included.
    const tickets = new Map((open as ServiceTicket[]).map((t) => [t.key, t]));
    for (const row of dataRows(region)) {
      const ticket = tickets.get(rowKey(row))!;
      const cells = cellTexts(row);
      expect([cells[1], cells[4], cells[5]], ticket.key!).toEqual([ticket.priority, ticket.service ?? '', ticket.requester.name]);
      const updated = row.querySelector<HTMLElement>('[role="gridcell"]:last-child')!;
      expect(updated.title).toBe(formatDateTime(ticket.updatedAt, 'en'));
    }
  }, 180_000);
});
