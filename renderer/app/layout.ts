// The arrangement of the console's panes: their order, which are collapsed, which one is maximized, and
// their sizes. Persisted per user through the desktop bridge (in the browser, in local settings).
import { z } from 'zod';

export const PANES = ['service', 'help', 'kb'] as const;
export type Pane = (typeof PANES)[number];

export const PaneLayoutState = z.object({
  order: z.array(z.enum(PANES)).length(3).refine((o) => new Set(o).size === 3),
  collapsed: z.array(z.enum(PANES)),
  maximized: z.enum(PANES).nullable(),
  sizes: z.record(z.string(), z.number().min(0).max(100)),
});
export type PaneLayoutState = z.infer<typeof PaneLayoutState>;

export const DEFAULT_LAYOUT: PaneLayoutState = { order: ['service', 'help', 'kb'], collapsed: [], maximized: null, sizes: {} };

/** A stored layout, or the default when it is missing or from an older shape. */
export function readLayout(stored: unknown): PaneLayoutState {
  const parsed = PaneLayoutState.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_LAYOUT;
}

export function visiblePanes(layout: PaneLayoutState): Pane[] {
  if (layout.maximized) return [layout.maximized];
  return layout.order.filter((p) => !layout.collapsed.includes(p));
}

export function move(layout: PaneLayoutState, pane: Pane, by: -1 | 1): PaneLayoutState {
  const order = [...layout.order];
  const from = order.indexOf(pane);
  const to = from + by;
  if (to < 0 || to >= order.length) return layout;
  [order[from], order[to]] = [order[to] as Pane, order[from] as Pane];
  return { ...layout, order };
}

export function toggleCollapsed(layout: PaneLayoutState, pane: Pane): PaneLayoutState {
  const collapsed = layout.collapsed.includes(pane) ? layout.collapsed.filter((p) => p !== pane) : [...layout.collapsed, pane];
  // At least one pane stays open.
  if (collapsed.length === PANES.length) return layout;
  return { ...layout, collapsed, maximized: null };
}

export function toggleMaximized(layout: PaneLayoutState, pane: Pane): PaneLayoutState {
  return { ...layout, maximized: layout.maximized === pane ? null : pane, collapsed: layout.collapsed.filter((p) => p !== pane) };
}
