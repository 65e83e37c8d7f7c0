// Reply drafts per ticket, kept outside the pane so a draft survives closing and reopening the ticket,
// and so the knowledge suggestions and the knowledge-base pane can insert into it.
import { create } from 'zustand';

export type Visibility = 'public' | 'internal';
export type Draft = { text: string; mode: Visibility };

type ComposerStore = {
  drafts: Record<string, Draft>;
  /** The last `replyInsert` nonce of the UI store already taken into a draft (taken once only). */
  consumedInsert: number | null;
  setText(ticketId: string, text: string): void;
  setMode(ticketId: string, mode: Visibility): void;
  /** Appends a block to the reply (public) draft, separated from what is there by a blank line. */
  appendToReply(ticketId: string, block: string): void;
  consumeInsert(nonce: number): boolean;
  clear(ticketId: string): void;
  /** Forgets every draft (sign-out: drafts are the signed-out user's words). */
  reset(): void;
};

export const EMPTY_DRAFT: Draft = { text: '', mode: 'public' };

export function appendBlock(text: string, block: string): string {
  const head = text.replace(/\s+$/, '');
  return head ? `${head}\n\n${block}` : block;
}

export const useComposerStore = create<ComposerStore>((set, get) => ({
  drafts: {},
  consumedInsert: null,
  setText: (ticketId, text) =>
    set((s) => ({ drafts: { ...s.drafts, [ticketId]: { ...(s.drafts[ticketId] ?? EMPTY_DRAFT), text } } })),
  setMode: (ticketId, mode) =>
    set((s) => ({ drafts: { ...s.drafts, [ticketId]: { ...(s.drafts[ticketId] ?? EMPTY_DRAFT), mode } } })),
  appendToReply: (ticketId, block) =>
    set((s) => {
      const draft = s.drafts[ticketId] ?? EMPTY_DRAFT;
      return { drafts: { ...s.drafts, [ticketId]: { mode: 'public', text: appendBlock(draft.text, block) } } };
    }),
  consumeInsert: (nonce) => {
    if (get().consumedInsert === nonce) return false;
    set({ consumedInsert: nonce });
    return true;
  },
  clear: (ticketId) =>
    set((s) => {
      const { [ticketId]: _gone, ...drafts } = s.drafts;
      return { drafts };
    }),
  reset: () => set({ drafts: {}, consumedInsert: null }),
}));

export function useDraft(ticketId: string): Draft {
  return useComposerStore((s) => s.drafts[ticketId] ?? EMPTY_DRAFT);
}
