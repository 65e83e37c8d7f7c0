// The arrangement of the console's panes: their order, which are collapsed, which one is maximized, and
// their sizes. Persisted per user through the desktop bridge (in the browser, in local settings). Which
// panes exist depends on the agent: their desks, and the supervisor tools for supervisors.
import { z } from 'zod';
import { desksOf, mayRun } from '../../shared/rules/permissions';
import type { Agent } from '../../shared/schemas/entities';

export const PANES = ['service', 'help', 'kb', 'supervisor', 'field'] as const;
export type Pane = (typeof PANES)[number];

export const PaneLayoutState = z.object({
  order: z.array(z.enum(PANES)).refine((o) => new Set(o).size === o.length, 'panes repeat'),
  collapsed: z.array(z.enum(PANES)),
  maximized: z.enum(PANES).nullable(),
  sizes: z.record(z.string(), z.number().min(0).max(100)),
});
export type PaneLayoutState = z.infer<typeof PaneLayoutState>;

export function availablePanes(actor: Agent): Pane[] {
  const desks = desksOf(actor);
  return [
    ...desks.filter((d) => d === 'service'),
    ...desks.filter((d) => d === 'help'),
    'kb',
    ...(mayRun(actor, 'shift.handover') ? (['supervisor'] as const) : []),
    'field',
  ];
}

/** First sign-in: the queues and the knowledge base; a field tech also sees the field pane open. */
export function defaultLayout(actor: Agent): PaneLayoutState {
  const order = availablePanes(actor);
  const collapsed = order.filter((p) => p === 'supervisor' || (p === 'field' && actor.role !== 'field_tech'));
  return { order, collapsed, maximized: null, sizes: {} };
}

/** A stored layout fitted to the panes this agent has now; the default when missing or unreadable. */
export function readLayout(stored: unknown, actor: Agent): PaneLayoutState {
  const parsed = PaneLayoutState.safeParse(stored);
  if (!parsed.success) return defaultLayout(actor);
  const available = availablePanes(actor);
  const order = [...parsed.data.order.filter((p) => available.includes(p)), ...available.filter((p) => !parsed.data.order.includes(p))];
  const fresh = defaultLayout(actor).collapsed.filter((p) => !parsed.data.order.includes(p));
  const maximized = parsed.data.maximized && available.includes(parsed.data.maximized) ? parsed.data.maximized : null;
  return { ...parsed.data, order, maximized, collapsed: [...parsed.data.collapsed.filter((p) => available.includes(p)), ...fresh] };
}

export function visiblePanes(layout: PaneLayoutState): Pane[] {
  if (layout.maximized) return [layout.maximized];
  return layout.order.filter((p) => !layout.collapsed.includes(p));
}

/** Each visible pane's share of the width, in percent: as stored, or an equal share where none is. */
export function paneSizes(layout: PaneLayoutState): Record<string, number> {
  const visible = visiblePanes(layout);
  return Object.fromEntries(visible.map((p) => [p, layout.sizes[p] ?? 100 / visible.length]));
}

/**
 * The layout with the sizes the panes were given; the very same layout when those are the sizes it has
 * (to a hundredth of a percent), as when the panes first lay themselves out: nothing to render or save.
 */
export function withSizes(layout: PaneLayoutState, sizes: Record<string, number>): PaneLayoutState {
  const current = paneSizes(layout);
  if (Object.entries(sizes).every(([pane, size]) => Math.abs((current[pane] ?? -1) - size) < 0.01)) return layout;
  return { ...layout, sizes: { ...layout.sizes, ...sizes } };
}

export function move(layout: PaneLayoutState, pane: Pane, by: -1 | 1): PaneLayoutState {
  const visible = visiblePanes(layout);
  const neighbour = visible[visible.indexOf(pane) + by];
  if (!neighbour) return layout;
  const order = [...layout.order];
  const from = order.indexOf(pane);
  const to = order.indexOf(neighbour);
  [order[from], order[to]] = [neighbour, pane];
  return { ...layout, order };
}

export function toggleCollapsed(layout: PaneLayoutState, pane: Pane): PaneLayoutState {
  const collapsed = layout.collapsed.includes(pane) ? layout.collapsed.filter((p) => p !== pane) : [...layout.collapsed, pane];
  // At least one pane stays open.
  if (layout.order.every((p) => collapsed.includes(p))) return layout;
  return { ...layout, collapsed, maximized: null };
}

export function toggleMaximized(layout: PaneLayoutState, pane: Pane): PaneLayoutState {
  return { ...layout, maximized: layout.maximized === pane ? null : pane, collapsed: layout.collapsed.filter((p) => p !== pane) };
}
