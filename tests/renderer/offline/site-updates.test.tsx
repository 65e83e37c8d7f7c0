// Status and notes from site go through the outbox with what the tech saw (expectedStatus), and the
// ticket opens in its desk's pane from the card.
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../renderer/app/ui-store';
import { openTicketsOf, pendingMutations, renderPane, resetStores, siteCard, techConsole } from './field-fixture';

describe('status and notes from site', () => {
  beforeEach(resetStores);

  it('resolves a ticket with its resolution and adds an internal note', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await techConsole();
    const ticket = openTicketsOf(demo.tickets, actor.id).find((t) => t.status === 'open')!;
    const { pane } = await renderPane(services);
    const card = await siteCard(pane, ticket);

    const status = within(card).getByRole('form', { name: `Status of ${ticket.key}` });
    await user.selectOptions(within(status).getByRole('combobox', { name: 'Status' }), 'resolved');
    await user.click(within(status).getByRole('button', { name: 'Change status' }));
    expect(await within(status).findByRole('alert')).toHaveProperty('textContent', 'Say how it was resolved.');
    await user.type(within(status).getByRole('textbox', { name: 'Resolution' }), 'Replaced the fuser unit');
    await user.click(within(status).getByRole('button', { name: 'Change status' }));
    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(1));
    expect((await pendingMutations(services))[0]).toMatchObject({
      name: 'ticket.setStatus', args: { ticketId: ticket.id, status: 'resolved', expectedStatus: 'open', resolution: 'Replaced the fuser unit' },
    });
    // Applied to the cache at once: the card says so.
    await waitFor(() => expect(card.querySelector('.sb-site__status')?.textContent).toBe('Resolved'));
    expect((await db.tickets.get(ticket.id))?.status).toBe('resolved');

    const note = within(card).getByRole('form', { name: 'Note or reply' });
    await user.type(within(note).getByRole('textbox', { name: 'Internal note' }), 'Customer signed the delivery note');
    await user.click(within(note).getByRole('button', { name: 'Add note' }));
    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(2));
    const added = (await pendingMutations(services))[1];
    expect(added).toMatchObject({ name: 'comment.add', args: { ticketId: ticket.id, body: 'Customer signed the delivery note', visibility: 'internal' } });
    expect(within(note).getByRole('textbox', { name: 'Internal note' })).toHaveProperty('value', '');
  });

  it('opens the ticket in its desk pane', async () => {
    const user = userEvent.setup();
    const { services, demo, actor } = await techConsole();
    const [ticket] = openTicketsOf(demo.tickets, actor.id);
    const { pane } = await renderPane(services);
    await user.click(within(await siteCard(pane, ticket!)).getByRole('button', { name: `Open ${ticket!.key}` }));
    expect(useUiStore.getState().openTicket[ticket!.desk]).toBe(ticket!.id);
  });
});
