// Selecting tickets in a queue for a bulk reassignment: supervisors get a labelled checkbox per row (and
// one for the whole view), Ctrl+click, Shift+click and Space; the selection opens the bulk reassignment in
// place, which queues one ticket.bulkAssign and then shows each ticket's outcome. Agents who are not
// supervisors see none of it, and a click still opens the ticket.
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../renderer/app/ui-store';
import { QueuePane } from '../../../renderer/queues/QueuePane';
import { useSupervisorStore } from '../../../renderer/supervisor/supervisor-store';
import type { Agent } from '../../../shared/schemas/entities';
import { makeConsole, renderInConsole } from '../console-fixture';
import { answerFromServer, pendingMutations } from '../supervisor/supervisor-fixture';
import { cellTexts, dataRows, DESK_NAME, expectedViews, gridOf, resetUi, setGridViewport, waitForRows } from './queue-helpers';

beforeEach(() => {
  setGridViewport(5000);
  resetUi();
  useSupervisorStore.getState().reset();
});

async function queueOf(email: string) {
  const world = await makeConsole({ email });
  await world.db.meta.put({ key: 'bootstrapped', value: true });
  const view = renderInConsole(<QueuePane desk="service" />, world.services);
  const region = view.getByRole('region', { name: DESK_NAME.service });
  const open = expectedViews(world.demo.tickets, 'service', world.actor, world.demo.organizations)['All open'];
  await waitForRows(region, open.length);
  return { ...world, region };
}

/** A supervisor's row: a checkbox cell first, then the key. */
const keyOfRow = (row: HTMLElement) => /^[A-Z]+-\d+/.exec(cellTexts(row)[1] ?? '')?.[0] ?? '';
const checkboxOf = (row: HTMLElement) => within(row).getByRole('checkbox', { name: `Select ${keyOfRow(row)}` }) as HTMLInputElement;
const selectedIds = () => [...useSupervisorStore.getState().selected].sort();

describe('selecting tickets in a queue', () => {
  it('lets a supervisor select rows by checkbox, Ctrl+click, Shift+click and Space, and reassign them in one action', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { region, services, demo } = await queueOf('supervisor@example.com');
    const rows = dataRows(region);
    const idOf = (row: HTMLElement) => demo.tickets.find((t) => t.key === keyOfRow(row))!.id;
    expect(checkboxOf(rows[0]!).checked).toBe(false);
    expect(within(gridOf(region)).getByRole('checkbox', { name: `Select all ${rows.length} tickets in this view` })).toBeTruthy();

    // A checkbox selects without opening the ticket.
    await user.click(checkboxOf(rows[0]!));
    expect(selectedIds()).toEqual([idOf(rows[0]!)]);
    expect(useUiStore.getState().openTicket.service).toBeNull();
    // Shift+click selects from the last one toggled to this one.
    fireEvent.click(rows[3]!, { shiftKey: true });
    expect(selectedIds()).toEqual(rows.slice(0, 4).map(idOf).sort());
    // Ctrl+click toggles one row off again.
    fireEvent.click(rows[1]!, { ctrlKey: true });
    expect(selectedIds()).toEqual([rows[0]!, rows[2]!, rows[3]!].map(idOf).sort());
    await waitFor(() => expect(checkboxOf(dataRows(region)[1]!).checked).toBe(false));
    expect(checkboxOf(dataRows(region)[2]!).checked).toBe(true);
    expect(useUiStore.getState().openTicket.service).toBeNull();

    // Space toggles the row under the cursor: a plain click moves the cursor there (and opens it).
    await user.click(within(rows[5]!).getAllByRole('gridcell')[2]!);
    const grid = gridOf(region);
    grid.focus();
    await user.keyboard(' ');
    const picked = [rows[0]!, rows[2]!, rows[3]!, rows[5]!].map(idOf).sort();
    expect(selectedIds()).toEqual(picked);

    const bar = within(region).getByRole('group', { name: 'Selected tickets' });
    expect(within(bar).getByRole('status').textContent).toBe('4 tickets selected');

    // The bulk reassignment opens in place for the selection.
    await user.click(within(bar).getByRole('button', { name: 'Reassign…' }));
    const panel = within(region).getByRole('region', { name: 'Bulk reassignment' });
    const form = within(panel).getByRole('form', { name: 'Reassign selected tickets' });
    const martin = demo.agents.find((a) => a.name === 'Martin Kučera') as Agent;
    const target = within(form).getByRole('combobox', { name: 'Reassign to' });
    await waitFor(() => expect(within(target).getAllByRole('option').map((o) => o.textContent)).toContain('Martin Kučera'));
    await user.selectOptions(target, `agent:${martin.id}`);
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));

    const [entry, ...more] = await pendingMutations(services);
    expect(more).toEqual([]);
    expect(entry?.name).toBe('ticket.bulkAssign');
    const args = entry!.args as { ticketIds: string[]; assigneeId: string; expected: Record<string, string | null> };
    expect([...args.ticketIds].sort()).toEqual(picked);
    expect(args.assigneeId).toBe(martin.id);
    for (const id of picked) expect(args.expected[id]).toBe(demo.tickets.find((t) => t.id === id)!.assigneeId);
    // Sent: the selection is cleared, the panel stays to show the outcome.
    expect(selectedIds()).toEqual([]);

    // The server finds one of them changed meanwhile: reported, not overwritten.
    const changed = picked[0]!;
    const other = demo.agents.find((a) => a.name === 'Jana Nováková')!;
    const server = demo.tickets.map((t) => (t.id === changed ? { ...t, assigneeId: other.id === t.assigneeId ? null : other.id } : t));
    await answerFromServer(services, entry!, { tickets: server, agents: demo.agents, organizations: demo.organizations });
    const outcomes = await within(panel).findByRole('region', { name: 'Outcome of the reassignment' });
    await waitFor(() => expect(within(outcomes).getAllByRole('listitem')).toHaveLength(4));
    const keyOf = (id: string) => demo.tickets.find((t) => t.id === id)!.key!;
    const lines = () => within(outcomes).getAllByRole('listitem').map((li) => li.textContent ?? '');
    await waitFor(() => expect(lines().filter((l) => l.startsWith(keyOf(changed)))).toEqual([expect.stringMatching(/changed it meanwhile/)]));
    expect(lines().filter((l) => l.includes('changed it meanwhile'))).toHaveLength(1);
    expect(lines().filter((l) => l.endsWith('reassigned'))).toHaveLength(3);
  });

  it('selects the whole view at once and clears it again', async () => {
    const { region, demo } = await queueOf('supervisor@example.com');
    const all = within(gridOf(region)).getByRole('checkbox', { name: /^Select all \d+ tickets in this view$/ });
    act(() => all.click());
    const open = demo.tickets.filter((t) => t.desk === 'service' && t.status !== 'resolved' && t.status !== 'closed');
    expect(selectedIds()).toEqual(open.map((t) => t.id).sort());
    const bar = within(region).getByRole('group', { name: 'Selected tickets' });
    expect(within(bar).getByRole('status').textContent).toBe(`${open.length} tickets selected`);
    act(() => within(bar).getByRole('button', { name: 'Clear selection' }).click());
    expect(selectedIds()).toEqual([]);
    await waitFor(() => expect(within(region).queryByRole('group', { name: 'Selected tickets' })).toBeNull());
  });

  it('shows an agent who is not a supervisor no selection tools; Ctrl+click and Space select nothing', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const { region } = await queueOf('agent@example.com');
    expect(within(region).queryAllByRole('checkbox')).toEqual([]);
    expect(gridOf(region).getAttribute('aria-colcount')).toBe('9');
    const row = dataRows(region)[2]!;
    fireEvent.click(row, { ctrlKey: true });
    gridOf(region).focus();
    await user.keyboard(' ');
    expect(selectedIds()).toEqual([]);
    expect(within(region).queryByRole('group', { name: 'Selected tickets' })).toBeNull();
    // The click opened the ticket as it always has.
    expect(useUiStore.getState().openTicket.service).not.toBeNull();
  });
});
