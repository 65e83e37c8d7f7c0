// The supervisor pane's own state: the open tab, the tickets picked for a bulk reassignment (from any
// list of the board; other panes may add to it too), and the last bulk action and handover sent, so their
// outcomes stay on screen while the supervisor moves between tabs.
import { create } from 'zustand';
import type { HandoverMove, HandoverStrategy } from '../../shared/rules/handover';

export type SupervisorTab = 'roster' | 'workload' | 'handover';
export const SUPERVISOR_TABS: readonly SupervisorTab[] = ['roster', 'workload', 'handover'];

/** A change sent through the outbox, found again by its id (results) and its seq (the outbox row). */
export type SentChange = { id: string; seq: number };

export type SentBulk = SentChange & { ticketIds: string[] };
export type SentHandover = SentChange & { fromShiftId: string; toShiftId: string; strategy: HandoverStrategy; preview: HandoverMove[]; unplaced: string[] };

type SupervisorState = {
  tab: SupervisorTab;
  selected: ReadonlySet<string>;
  lastBulk: SentBulk | null;
  lastHandover: SentHandover | null;
  setTab(tab: SupervisorTab): void;
  toggle(ticketId: string, on: boolean): void;
  selectMany(ticketIds: readonly string[], on: boolean): void;
  clearSelection(): void;
  setLastBulk(sent: SentBulk | null): void;
  setLastHandover(sent: SentHandover | null): void;
  reset(): void;
};

const initial = { tab: 'roster' as SupervisorTab, selected: new Set<string>() as ReadonlySet<string>, lastBulk: null, lastHandover: null };

export const useSupervisorStore = create<SupervisorState>((set) => ({
  ...initial,
  setTab: (tab) => set({ tab }),
  toggle: (ticketId, on) => set((s) => {
    if (s.selected.has(ticketId) === on) return s;
    const selected = new Set(s.selected);
    if (on) selected.add(ticketId);
    else selected.delete(ticketId);
    return { selected };
  }),
  selectMany: (ticketIds, on) => set((s) => {
    const selected = new Set(s.selected);
    for (const id of ticketIds) {
      if (on) selected.add(id);
      else selected.delete(id);
    }
    return { selected };
  }),
  clearSelection: () => set({ selected: new Set() }),
  setLastBulk: (lastBulk) => set({ lastBulk }),
  setLastHandover: (lastHandover) => set({ lastHandover }),
  /** Back to the start (sign-out, tests). */
  reset: () => set({ ...initial, selected: new Set() }),
}));
