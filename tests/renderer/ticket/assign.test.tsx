// Assignment: agents take a ticket or give it back; only supervisors assign others. Every change is a
// ticket.assign in the outbox, shown in the header at once and marked pending until synced.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchCommand, useUiStore } from '../../../renderer/app/ui-store';
import { makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

function assigneeShown(pane: HTMLElement): string {
  const term = [...pane.querySelectorAll('dl[aria-label="Ticket facts"] dt')].find((dt) => dt.textContent === 'Assignee');
  return term?.nextElementSibling?.textContent ?? '';
}

describe('assignment', () => {
  beforeEach(resetStores);

  it('"Assign to me" queues ticket.assign and shows the agent in the header at once', async () => {
    const user = userEvent.setup();
    const { services, demo, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && t.assigneeId !== null && t.assigneeId !== actor.id, 'ticket of another agent');
    const { pane } = await openPane(ticket, services);

    // An agent may not assign others: no assignee select, only "Assign to me".
    expect(within(pane).queryByRole('combobox', { name: 'Assignee' })).toBeNull();
    await user.click(within(pane).getByRole('button', { name: 'Assign to me' }));

    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('ticket.assign');
    expect(entry?.args).toEqual({ ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: ticket.assigneeId });
    await waitFor(() => expect(assigneeShown(pane)).toBe('Jana Nováková'));
    expect(within(pane).getByText('Pending: 1 change not yet synced')).toBeTruthy();
    expect(within(pane).getByRole('button', { name: 'Unassign me' })).toBeTruthy();

    await user.click(within(pane).getByRole('button', { name: 'Unassign me' }));
    await waitFor(() => expect(assigneeShown(pane)).toBe('Unassigned'));
    const entries = await pendingMutations(services);
    expect(entries[1]?.args).toEqual({ ticketId: ticket.id, assigneeId: null, expectedAssigneeId: actor.id });
  });

  it('lets a supervisor assign an agent of the desk and a group', async () => {
    const user = userEvent.setup();
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const ticket = pick(demo.tickets, (t) => t.desk === 'help' && t.status === 'open', 'open help ticket');
    const { pane } = await openPane(ticket, services);

    const select = await within(pane).findByRole('combobox', { name: 'Assignee' });
    const offered = within(select).getAllByRole('option').map((o) => o.textContent);
    // Only agents who work the Help Desk are offered (plus "Unassigned"); a Service-only field tech is not.
    expect(offered).toContain('Kateřina Veselá');
    expect(offered).not.toContain('Tomáš Dvořák');
    expect(offered).not.toContain('Lucie Procházková');

    const target = demo.agents.find((a) => a.name === 'Kateřina Veselá')!;
    const group = demo.groups.find((g) => g.name === 'Help Desk – Contracts')!;
    await user.selectOptions(select, target.id);
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Group' }), group.id);
    await user.click(within(pane).getByRole('button', { name: 'Assign' }));

    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('ticket.assign');
    expect(entry?.args).toEqual({
      ticketId: ticket.id,
      assigneeId: target.id,
      ...(ticket.groupId !== group.id ? { groupId: group.id } : {}),
      expectedAssigneeId: ticket.assigneeId,
    });
    await waitFor(() => expect(assigneeShown(pane)).toBe('Kateřina Veselá'));
  });

  it('assigns on the "a" command only when this ticket is the active one', async () => {
    const { services, demo, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'new' && t.assigneeId === null, 'unassigned ticket');
    const { pane } = await openPane(ticket, services);

    act(() => useUiStore.getState().setActiveTicket('0190a000-0000-7000-8000-000000000000'));
    act(() => dispatchCommand('assignToMe'));
    expect(await pendingMutations(services)).toEqual([]);

    act(() => useUiStore.getState().setActiveTicket(ticket.id));
    act(() => dispatchCommand('assignToMe'));
    await waitFor(async () => expect((await pendingMutations(services)).map((e) => e.args)).toEqual([
      { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null },
    ]));
    await waitFor(() => expect(assigneeShown(pane)).toBe(actor.name));
    expect(screen.getByRole('region', { name: `Ticket ${ticket.key}` })).toBe(pane);
  });
});
