// Presence: the pane tells the server viewing / editing / left, and shows who else is on the ticket.
import { act, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePresence } from '../../../renderer/ticket/presence-store';
import { makeConsole } from '../console-fixture';
import { openPane, pick, resetStores } from './ticket-fixture';

describe('presence', () => {
  beforeEach(resetStores);

  it('reports viewing, editing and left, ignoring a failing network', async () => {
    const user = userEvent.setup();
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const calls: string[] = [];
    const api = {
      ...services.api,
      presence: async (ticketId: string, state: 'viewing' | 'editing' | 'left') => {
        calls.push(`${ticketId === ticket.id ? 'this' : ticketId} ${state}`);
        throw new Error('offline');
      },
    };
    const { pane, unmount } = await openPane(ticket, { ...services, api });
    expect(calls).toEqual(['this viewing']);
    await user.type(within(pane).getByLabelText('Reply to the requester'), 'Hi');
    expect(calls).toEqual(['this viewing', 'this editing']);
    await user.clear(within(pane).getByLabelText('Reply to the requester'));
    expect(calls).toEqual(['this viewing', 'this editing', 'this viewing']);
    unmount();
    expect(calls).toEqual(['this viewing', 'this editing', 'this viewing', 'this left']);
  });

  it('shows the other agents on the ticket by name, not the agent themself', async () => {
    const { services, demo, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const { pane } = await openPane(ticket, services);
    const petr = demo.agents.find((a) => a.name === 'Petr Svoboda')!;
    const lucie = demo.agents.find((a) => a.name === 'Lucie Procházková')!;

    act(() => {
      usePresence.getState().apply({ ticketId: ticket.id, agentId: petr.id, state: 'viewing' });
      usePresence.getState().apply({ ticketId: ticket.id, agentId: lucie.id, state: 'editing' });
      usePresence.getState().apply({ ticketId: ticket.id, agentId: actor.id, state: 'viewing' });
      usePresence.getState().apply({ ticketId: '0190a000-0000-7000-8000-000000000000', agentId: petr.id, state: 'editing' });
    });
    const list = within(pane).getByRole('list', { name: 'Also on this ticket' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Lucie Procházková is writing',
      'Petr Svoboda is viewing',
    ]);

    act(() => usePresence.getState().apply({ ticketId: ticket.id, agentId: lucie.id, state: 'left' }));
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Petr Svoboda is viewing']);
  });
});
