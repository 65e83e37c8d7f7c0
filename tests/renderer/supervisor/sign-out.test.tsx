// Signing out forgets the supervisor pane's state: a different supervisor signing in on the same window
// sees none of the previous one's selection, tab or sent bulk action and handover.
import { within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signOut, type Session } from '../../../renderer/app/session';
import { useSupervisorStore } from '../../../renderer/supervisor/supervisor-store';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/channels';
import { makeConsole } from '../console-fixture';
import { openSupervisor, resetSupervisorStore } from './supervisor-fixture';

// The desktop bridge the session signs out through (read once, on first use).
const logout = vi.fn(async () => ({ ok: true as const, value: null }));
(globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] = { logout };

describe('signing out', () => {
  beforeEach(resetSupervisorStore);

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
});
