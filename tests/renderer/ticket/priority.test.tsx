// Priority editing: the ITIL matrix result follows impact × urgency, an override needs a reason, and
// the change goes to the outbox as ticket.update on the version the agent saw.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { priorityFromMatrix } from '../../../shared/rules/priority';
import type { ServiceTicket } from '../../../shared/schemas/ticket';
import { makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

describe('priority', () => {
  beforeEach(resetStores);

  it('shows the matrix priority for the chosen impact and urgency, and saves them', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && t.impact !== 'high' && !t.priorityReason, 'open service ticket') as ServiceTicket;
    const { pane } = await openPane(ticket, services);

    expect(within(pane).getByText(`Matrix priority: ${priorityFromMatrix(ticket.impact, ticket.urgency)}`)).toBeTruthy();
    await user.selectOptions(within(pane).getByLabelText('Impact'), 'high');
    await user.selectOptions(within(pane).getByLabelText('Urgency'), 'high');
    expect(within(pane).getByText('Matrix priority: P1')).toBeTruthy();
    await user.selectOptions(within(pane).getByLabelText('Urgency'), 'low');
    expect(within(pane).getByText('Matrix priority: P3')).toBeTruthy();
    await user.selectOptions(within(pane).getByLabelText('Impact'), 'medium');
    await user.selectOptions(within(pane).getByLabelText('Urgency'), 'medium');
    expect(within(pane).getByText('Matrix priority: P3')).toBeTruthy();
    await user.selectOptions(within(pane).getByLabelText('Impact'), 'high');
    await user.selectOptions(within(pane).getByLabelText('Urgency'), 'medium');
    expect(within(pane).getByText('Matrix priority: P2')).toBeTruthy();

    await user.click(within(pane).getByRole('button', { name: 'Save priority' }));
    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('ticket.update');
    expect(entry?.args).toEqual({
      ticketId: ticket.id,
      baseVersion: ticket.version,
      fields: { impact: 'high', ...(ticket.urgency !== 'medium' ? { urgency: 'medium' } : {}) },
    });
    // Applied at once: the cached ticket carries the matrix priority.
    expect((await db.tickets.get(ticket.id))?.priority).toBe('P2');
  });

  it('refuses an override without a reason and saves one with it', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && t.priority !== 'P1' && !t.priorityReason, 'open service ticket') as ServiceTicket;
    const { pane } = await openPane(ticket, services);

    await user.selectOptions(within(pane).getByLabelText('Override priority'), 'P1');
    expect(within(pane).getByText('Resulting priority: P1')).toBeTruthy();
    await user.click(within(pane).getByRole('button', { name: 'Save priority' }));
    expect(within(pane).getByRole('alert').textContent).toContain('needs a reason');
    expect(within(pane).getByLabelText('Reason for the override').getAttribute('aria-invalid')).toBe('true');
    expect(await pendingMutations(services)).toEqual([]);

    await user.type(within(pane).getByLabelText('Reason for the override'), 'Whole branch office is down');
    await user.click(within(pane).getByRole('button', { name: 'Save priority' }));
    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('ticket.update');
    expect(entry?.args).toEqual({
      ticketId: ticket.id,
      baseVersion: ticket.version,
      fields: { priority: 'P1', priorityReason: 'Whole branch office is down' },
    });
    const cached = await db.tickets.get(ticket.id);
    expect(cached?.priority).toBe('P1');
    expect(cached && cached.desk === 'service' ? cached.priorityReason : null).toBe('Whole branch office is down');
    // The header says the priority is overridden, in words.
    expect(await screen.findByText('(overridden)')).toBeTruthy();
  });

  it('lets the Help Desk agent set the priority directly', async () => {
    const user = userEvent.setup();
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'help' && t.status === 'open' && t.priority !== 'P1', 'open help ticket');
    const { pane } = await openPane(ticket, services);
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Priority' }), 'P1');
    await user.click(within(pane).getByRole('button', { name: 'Save priority' }));
    const [entry] = await pendingMutations(services);
    expect(entry?.args).toEqual({ ticketId: ticket.id, baseVersion: ticket.version, fields: { priority: 'P1' } });
  });
});
