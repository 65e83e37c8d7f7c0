// Signing out forgets every UI store: a different user signing in on the same window sees none of the
// previous one's open ticket, reply drafts, knowledge-base search, selection, tab or sent bulk action and
// handover.
import { act, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signOut, type Session } from '../../../renderer/app/session';
import { useUiStore } from '../../../renderer/app/ui-store';
import { useKbStore } from '../../../renderer/kb/kb-store';
import { useSupervisorStore } from '../../../renderer/supervisor/supervisor-store';
import { useComposerStore } from '../../../renderer/ticket/composer-store';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/channels';
import { makeConsole } from '../console-fixture';
import { openPane, pick, resetStores } from '../ticket/ticket-fixture';
import { openSupervisor, resetSupervisorStore } from './supervisor-fixture';

// The desktop bridge the session signs out through (read once, on first use).
const logout = vi.fn(async () => ({ ok: true as const, value: null }));
(globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] = { logout };

describe('signing out', () => {
  beforeEach(() => {
    resetSupervisorStore();
    resetStores();
  });

  it('resets the supervisor store, so the next user on this window starts clean', async () => {
    const first = await makeConsole({ email: 'supervisor@example.com' });
    const picked = first.demo.tickets.filter((t) => t.status === 'open').slice(0, 3).map((t) => t.id);
    const store = useSupervisorStore.getState();
    store.setTab('workload');
    store.selectMany(picked, true);
    store.setLastBulk({ id: '0190a000-0000-7000-8000-0000000000b1', seq: 4, ticketIds: picked });
    store.setLastHandover({ id: '0190a000-0000-7000-8000-0000000000b2', seq: 5, fromShiftId: 'a', toShiftId: 'b', strategy: 'balanced', preview: [], unplaced: [] });

    const close = vi.fn();
    await signOut({ services: first.services, close } as unknown as Session);
    expect(close).toHaveBeenCalledOnce();
    expect(logout).toHaveBeenCalledOnce();
    const after = useSupervisorStore.getState();
    expect({ tab: after.tab, selected: [...after.selected], lastBulk: after.lastBulk, lastHandover: after.lastHandover })
      .toEqual({ tab: 'roster', selected: [], lastBulk: null, lastHandover: null });

    // Another supervisor signs in here: the board shows no selection and no earlier outcome.
    const next = await makeConsole({ email: 'marketa.nemcova@switchboard.example' });
    const { pane } = await openSupervisor(next.services, 'workload');
    const form = await within(pane).findByRole('form', { name: 'Reassign selected tickets' });
    expect(within(form).getByRole('status').textContent).toBe('0 tickets selected');
    expect(within(pane).queryByRole('region', { name: 'Outcome of the reassignment' })).toBeNull();
  });

  it("forgets the open ticket, the reply draft and the search, so the next user sees none of the previous one's work", async () => {
    const user = userEvent.setup();
    const first = await makeConsole();
    const ticket = pick(first.demo.tickets, (t) => t.desk === 'service' && t.status === 'open', 'open service ticket');
    // The first agent opens a ticket beside the queue, starts a reply and searches the knowledge base.
    act(() => useUiStore.getState().openTicketIn('service', ticket.id));
    const firstView = await openPane(ticket, first.services);
    await user.type(within(firstView.pane).getByLabelText('Reply to the requester'), 'Private words of the first agent');
    act(() => useKbStore.getState().setQuery('vpn password'));
    expect(useComposerStore.getState().drafts[ticket.id]?.text).toBe('Private words of the first agent');
    firstView.unmount();

    await signOut({ services: first.services, close: vi.fn() } as unknown as Session);

    const ui = useUiStore.getState();
    expect({ openTicket: ui.openTicket, activeTicketId: ui.activeTicketId, replyInsert: ui.replyInsert })
      .toEqual({ openTicket: { service: null, help: null }, activeTicketId: null, replyInsert: null });
    expect(useComposerStore.getState().drafts).toEqual({});
    expect(useKbStore.getState().query).toBe('');

    // Another user signs in here and opens the same ticket: an empty reply, not the first agent's draft.
    const next = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openPane(ticket, next.services);
    expect((within(pane).getByLabelText('Reply to the requester') as HTMLTextAreaElement).value).toBe('');
  });
});
