// The knowledge-base pane's UI state (zustand): the search, the filters, the highlighted result and
// what the pane shows. Other panes may open an article here (`openArticleInKb`).
import { create } from 'zustand';
import { DEFAULT_FILTERS, type KbFilters } from './search-index';

export type KbView =
  | { kind: 'results' }
  | { kind: 'article'; id: string }
  | { kind: 'edit'; id: string }
  | { kind: 'new' };

type KbState = {
  query: string;
  filters: KbFilters;
  /** Position of the highlighted result (keyboard). */
  active: number;
  view: KbView;
  setQuery(query: string): void;
  setFilter<K extends keyof KbFilters>(key: K, value: KbFilters[K]): void;
  setActive(active: number): void;
  show(view: KbView): void;
  /** Back to an empty search (sign-out). */
  reset(): void;
};

export const KB_INITIAL = { query: '', filters: DEFAULT_FILTERS, active: 0, view: { kind: 'results' } as KbView };

export const useKbStore = create<KbState>((set) => ({
  ...KB_INITIAL,
  // A new search shows its results from the top.
  setQuery: (query) => set({ query, active: 0, view: { kind: 'results' } }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, active: 0, view: { kind: 'results' } })),
  setActive: (active) => set({ active }),
  show: (view) => set({ view }),
  reset: () => set(KB_INITIAL),
}));

export function openArticleInKb(id: string): void {
  useKbStore.getState().show({ kind: 'article', id });
}
