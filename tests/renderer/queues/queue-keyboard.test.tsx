// The queue's keyboard through console commands (what j, k, Enter, a and / send), the focused pane
// rule, and the mouse: a click selects and opens.
import { act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchCommand, useUiStore } from '../../../renderer/app/ui-store';
import { cellTexts, dataRows, gridOf, expectedViews, resetUi, rowKey, setGridViewport, setup, visibleKeys, waitForRows } from './queue-helpers';

beforeEach(() => {
  setGridViewport(5000);
  resetUi();
});

const selectedKey = (region: HTMLElement) => {
  const rows = dataRows(region).filter((r) => r.getAttribute('aria-selected') === 'true');
  return rows.length === 1 ? rowKey(rows[0]!) : rows.length === 0 ? null : rows.map(rowKey).join(',');
};

const send = (command: Parameters<typeof dispatchCommand>[0]) => act(() => dispatchCommand(command));

describe('queue keyboard', () => {
  it('moves with next/previous and opens the selected ticket', async () => {
    const { region, demo, actor } = await setup({ desk: 'service' });
    const expected = expectedViews(demo.tickets, 'service', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);
    const order = visibleKeys(region);
    expect(selectedKey(region)).toBeNull();

    await send('next');
    expect(selectedKey(region)).toBe(order[0]);
    await send('next');
    await send('next');
    expect(selectedKey(region)).toBe(order[2]);
    await send('previous');
    expect(selectedKey(region)).toBe(order[1]);
    // The grid points assistive technology at the selected row.
    const grid = gridOf(region);
    expect(document.getElementById(grid.getAttribute('aria-activedescendant')!)).toBe(dataRows(region)[1]);

    await send('open');
    const ticket = demo.tickets.find((t) => t.key === order[1])!;
    expect(useUiStore.getState().openTicket).toEqual({ service: ticket.id, help: null });
  });

  it('stops at the ends of the list', async () => {
    const { region, demo, actor } = await setup({ desk: 'help' });
    useUiStore.getState().focusPane('help');
    const expected = expectedViews(demo.tickets, 'help', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);
    const order = visibleKeys(region);
    await send('previous');
    expect(selectedKey(region)).toBe(order[0]);
    await send('previous');
    expect(selectedKey(region)).toBe(order[0]);
  });

  it('acts only in the focused pane', async () => {
    const { region, demo, actor } = await setup({ desk: 'service' });
    await waitForRows(region, expectedViews(demo.tickets, 'service', actor, demo.organizations)['All open'].length);
    act(() => useUiStore.getState().focusPane('help'));
    await send('next');
    await send('open');
    expect(selectedKey(region)).toBeNull();
    expect(useUiStore.getState().openTicket.service).toBeNull();
  });

  it('assigns the selected ticket to the agent with "assign to me"', async () => {
    const { region, demo, actor, db } = await setup({ desk: 'service' });
    const expected = expectedViews(demo.tickets, 'service', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);
    const user = userEvent.setup();

    // Narrow to the unassigned tickets, then take the first.
    await user.selectOptions(within(region).getByLabelText('View'), 'unassigned');
    await waitFor(() => expect(dataRows(region).length).toBe(expected['Unassigned'].length));
    await send('next');
    const key = selectedKey(region)!;
    const ticket = demo.tickets.find((t) => t.key === key)!;
    await send('assignToMe');

    await waitFor(async () => expect((await db.tickets.get(ticket.id))?.assigneeId).toBe(actor.id));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null }, state: 'pending' });
    // It leaves the Unassigned view.
    await waitFor(() => expect(visibleKeys(region)).not.toContain(key));
  });

  it('focuses the filter box on "search"', async () => {
    const { region, demo, actor } = await setup({ desk: 'service' });
    await waitForRows(region, expectedViews(demo.tickets, 'service', actor, demo.organizations)['All open'].length);
    await send('search');
    expect(document.activeElement).toBe(within(region).getByLabelText('Filter tickets'));
  });

  it('selects and opens a clicked row, and takes the focus for its pane', async () => {
    const user = userEvent.setup();
    const { region, demo, actor } = await setup({ desk: 'help' });
    await waitForRows(region, expectedViews(demo.tickets, 'help', actor, demo.organizations)['All open'].length);
    expect(useUiStore.getState().focusedPane).toBe('service');

    const row = dataRows(region)[3]!;
    const key = rowKey(row);
    await user.click(row.querySelectorAll<HTMLElement>('[role="gridcell"]')[3]!);
    expect(useUiStore.getState().focusedPane).toBe('help');
    expect(selectedKey(region)).toBe(key);
    const ticket = demo.tickets.find((t) => t.key === key)!;
    expect(useUiStore.getState().openTicket.help).toBe(ticket.id);
    expect(cellTexts(row)[3]).toBe(ticket.requester.name);

    // Arrow keys on the focused grid move too.
    await user.keyboard('{ArrowDown}');
    expect(selectedKey(region)).toBe(visibleKeys(region)[4]);
    await user.keyboard('{Enter}');
    expect(useUiStore.getState().openTicket.help).toBe(demo.tickets.find((t) => t.key === visibleKeys(region)[4])!.id);
  });
});
