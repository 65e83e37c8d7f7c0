// Bulk reassignment from the board: tickets picked in several lists go in one `ticket.bulkAssign` whose
// `expected` holds each ticket's assignee as the console knew it; once the push result arrives, each
// ticket's outcome is shown, and a ticket someone changed meanwhile is reported, not overwritten.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Agent, Group } from '../../../shared/schemas/entities';
import type { Ticket } from '../../../shared/schemas/ticket';
import { makeConsole } from '../console-fixture';
import { answerFromServer, openSupervisor, openTickets, pendingMutations, resetSupervisorStore } from './supervisor-fixture';

const pickBox = (root: HTMLElement, t: Ticket) => within(root).getByRole('checkbox', { name: `Select ${t.key} ${t.subject}` });

describe('bulk reassignment', () => {
  beforeEach(resetSupervisorStore);

  it('queues one bulkAssign with each ticket’s current assignee, then shows each ticket’s outcome', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo, db } = await makeConsole({ email: 'supervisor@example.com' });
    const agent = (name: string) => demo.agents.find((a) => a.name === name) as Agent;
    const petr = agent('Petr Svoboda');
    const martin = agent('Martin Kučera');
    const open = openTickets(demo.tickets);
    const petrsService = open.filter((t) => t.assigneeId === petr.id && t.desk === 'service');
    const unassigned = open.filter((t) => t.assigneeId === null && t.desk === 'service');
    expect(petrsService.length).toBeGreaterThanOrEqual(2);
    const picked = [petrsService[0], petrsService[1], unassigned[0]] as Ticket[];

    const { pane } = await openSupervisor(services, 'workload');
    await user.click(await within(pane).findByRole('button', { name: 'Tickets of Petr Svoboda' }));
    const petrsList = within(pane).getByRole('group', { name: 'Open tickets of Petr Svoboda' });
    await user.click(pickBox(petrsList, picked[0] as Ticket));
    await user.click(pickBox(petrsList, picked[1] as Ticket));
    await user.click(pickBox(within(pane).getByRole('group', { name: 'Unassigned tickets of the Service Desk' }), picked[2] as Ticket));
    const form = within(pane).getByRole('form', { name: 'Reassign selected tickets' });
    expect(within(form).getByRole('status').textContent).toBe('3 tickets selected');

    // Service Desk tickets only: a Help-Desk-only agent is not offered.
    const target = within(form).getByRole('combobox', { name: 'Reassign to' });
    const offered = () => within(target).getAllByRole('option').map((o) => o.textContent);
    await waitFor(() => expect(offered()).not.toContain('Kateřina Veselá'));
    expect(offered()).toContain('Martin Kučera');
    await user.selectOptions(target, `agent:${martin.id}`);
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));

    const entries = await pendingMutations(services);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.name).toBe('ticket.bulkAssign');
    expect(entries[0]?.args).toEqual({
      ticketIds: picked.map((t) => t.id),
      assigneeId: martin.id,
      expected: { [picked[0]!.id]: petr.id, [picked[1]!.id]: petr.id, [picked[2]!.id]: null },
    });
    // The cache shows the change at once; the selection is cleared.
    await waitFor(async () => expect((await db.tickets.bulkGet(picked.map((t) => t.id))).map((t) => t?.assigneeId)).toEqual([martin.id, martin.id, martin.id]));
    expect(within(form).getByRole('status').textContent).toBe('0 tickets selected');
    const outcomes = within(pane).getByRole('region', { name: 'Outcome of the reassignment' });
    await waitFor(() => expect(outcomes.textContent).toContain('3 tickets queued'));

    // Meanwhile, on the server, someone gave the first ticket to Lucie.
    const lucie = agent('Lucie Procházková');
    const server = demo.tickets.map((t) => (t.id === picked[0]!.id ? { ...t, assigneeId: lucie.id, version: t.version + 1 } : t));
    const result = await answerFromServer(services, entries[0]!, { tickets: server, agents: demo.agents, organizations: demo.organizations });
    expect(result.details).toEqual({ tickets: [
      { ticketId: picked[0]!.id, status: 'conflict' },
      { ticketId: picked[1]!.id, status: 'applied' },
      { ticketId: picked[2]!.id, status: 'applied' },
    ] });

    await waitFor(() => expect(outcomes.textContent).toContain('Reassigned: 2 · changed meanwhile, left as they are: 1 · refused: 0'));
    const lines = within(outcomes).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      `${picked[0]!.key} someone changed it meanwhile: left as it is`,
      `${picked[1]!.key} reassigned`,
      `${picked[2]!.key} reassigned`,
    ]);
  });

  it('reassigns to a group’s queue: unassigned, in that group', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const help = openTickets(demo.tickets).filter((t) => t.desk === 'help' && t.assigneeId === null).slice(0, 2);
    expect(help).toHaveLength(2);
    const group = demo.groups.find((g) => g.name === 'Help Desk – Contracts') as Group;
    const { pane } = await openSupervisor(services, 'workload');
    const list = await within(pane).findByRole('group', { name: 'Unassigned tickets of the Help Desk' });
    for (const t of help) await user.click(pickBox(list, t));
    const form = within(pane).getByRole('form', { name: 'Reassign selected tickets' });
    const target = within(form).getByRole('combobox', { name: 'Reassign to' });
    // Only the Help Desk's groups are offered for Help Desk tickets.
    const groups = () => [...target.querySelectorAll('optgroup[label^="Groups"] option')].map((o) => o.textContent);
    await waitFor(() => expect(groups()).toEqual(demo.groups.filter((g) => g.desk === 'help').map((g) => g.name).sort((a, b) => a.localeCompare(b))));
    await user.selectOptions(target, `group:${group.id}`);
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));
    const [entry] = await pendingMutations(services);
    expect(entry?.args).toEqual({ ticketIds: help.map((t) => t.id), assigneeId: null, groupId: group.id, expected: Object.fromEntries(help.map((t) => [t.id, null])) });
  });

  it('shows the server’s refusal of the whole action', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo, db, actor } = await makeConsole({ email: 'supervisor@example.com' });
    const ticket = openTickets(demo.tickets).find((t) => t.desk === 'service' && t.assigneeId === null) as Ticket;
    const { pane } = await openSupervisor(services, 'workload');
    await user.click(pickBox(await within(pane).findByRole('group', { name: 'Unassigned tickets of the Service Desk' }), ticket));
    const form = within(pane).getByRole('form', { name: 'Reassign selected tickets' });
    const target = within(form).getByRole('combobox', { name: 'Reassign to' });
    await waitFor(() => expect(target.querySelector(`option[value="agent:${actor.id}"]`)).not.toBeNull());
    await user.selectOptions(target, `agent:${actor.id}`);
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));
    const [entry] = await pendingMutations(services);
    const { recordResults } = await import('../../../renderer/sync/push-results');
    await recordResults(db, [{ id: entry!.id, seq: entry!.seq, status: 'rejected', error: { code: 'forbidden', message: 'A supervisor role was revoked' } }], actor, new Date().toISOString());
    await waitFor(() => expect(screen.getByRole('region', { name: 'Outcome of the reassignment' }).textContent).toContain('The server refused the reassignment: A supervisor role was revoked'));
  });
});
