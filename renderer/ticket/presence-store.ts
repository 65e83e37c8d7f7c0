// Who else has a ticket open, from the server's `presence` events (PROTOCOL.md, Events). The lead wires
// the event stream to `apply`; the ticket pane only reads. Presence is transient: it is never cached.
import { create } from 'zustand';

export type PresenceState = 'viewing' | 'editing';
export type PresenceEvent = { ticketId: string; agentId: string; state: PresenceState | 'left' };

type PresenceStore = {
  /** ticketId → agentId → what that agent is doing there. */
  byTicket: Record<string, Record<string, PresenceState>>;
  apply(event: PresenceEvent): void;
  /** Forget everyone (the event stream dropped: presence expires with the connection). */
  clear(): void;
};

export const usePresence = create<PresenceStore>((set) => ({
  byTicket: {},
  apply: ({ ticketId, agentId, state }) =>
    set((s) => {
      const current = s.byTicket[ticketId] ?? {};
      if (state === 'left') {
        if (!(agentId in current)) return s;
        const { [agentId]: _gone, ...rest } = current;
        const byTicket = { ...s.byTicket };
        if (Object.keys(rest).length === 0) delete byTicket[ticketId];
        else byTicket[ticketId] = rest;
        return { byTicket };
      }
      if (current[agentId] === state) return s;
      return { byTicket: { ...s.byTicket, [ticketId]: { ...current, [agentId]: state } } };
    }),
  clear: () => set({ byTicket: {} }),
}));

const NOBODY: Record<string, PresenceState> = {};

/** The agents present on one ticket (a stable empty object when nobody is). */
export function usePresenceOn(ticketId: string): Record<string, PresenceState> {
  return usePresence((s) => s.byTicket[ticketId] ?? NOBODY);
}
