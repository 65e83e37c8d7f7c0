// UI state shared between panes (zustand): which ticket is open beside each queue, which pane has the
// keyboard, and commands from shortcuts, the menu and the palette, delivered to the pane they concern.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Desk } from '../../shared/schemas/common';

export type PaneId = 'service' | 'help' | 'kb' | 'supervisor' | 'field';

export type ConsoleCommand =
  | 'next' | 'previous' | 'open' | 'close' | 'assignToMe' | 'reply' | 'note' | 'search' | 'palette' | 'shortcuts';

type Listener = (command: ConsoleCommand) => void;
const listeners = new Set<Listener>();

type UiState = {
  openTicket: Record<Desk, string | null>;
  focusedPane: PaneId;
  /** Text the knowledge base asks the open ticket's reply composer to insert. */
  replyInsert: { ticketId: string; text: string; nonce: number } | null;
  /** The ticket whose reply the knowledge base would insert into (the last one focused). */
  activeTicketId: string | null;
  openTicketIn(desk: Desk, ticketId: string | null): void;
  focusPane(pane: PaneId): void;
  insertIntoReply(ticketId: string, text: string): void;
  setActiveTicket(ticketId: string | null): void;
  /** Back to a fresh window's state (sign-out: the next user opens nothing of the previous one's). */
  reset(): void;
};

const initial = () => ({
  openTicket: { service: null, help: null },
  focusedPane: 'service' as PaneId,
  replyInsert: null,
  activeTicketId: null,
});

export const useUiStore = create<UiState>((set) => ({
  ...initial(),
  openTicketIn: (desk, ticketId) =>
    set((s) => ({ openTicket: { ...s.openTicket, [desk]: ticketId }, ...(ticketId ? { activeTicketId: ticketId } : {}) })),
  focusPane: (pane) => set({ focusedPane: pane }),
  insertIntoReply: (ticketId, text) => set({ replyInsert: { ticketId, text, nonce: Date.now() } }),
  setActiveTicket: (ticketId) => set({ activeTicketId: ticketId }),
  reset: () => set(initial()),
}));

/** Sends a command to whichever pane listens (the focused queue moves on `next`, the ticket replies on `reply`…). */
export function dispatchCommand(command: ConsoleCommand): void {
  for (const l of listeners) l(command);
}

export function useCommand(handler: Listener): void {
  useEffect(() => {
    listeners.add(handler);
    return () => {
      listeners.delete(handler);
    };
  }, [handler]);
}
