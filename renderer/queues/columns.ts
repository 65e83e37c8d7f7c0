// The columns of each desk's queue (DESIGN.md: the desks differ in requester and extra fields) and their
// widths as flex rules, so the header and every row line up without measuring anything. A row is a flex
// box rather than a CSS grid: scrolling lays out dozens of rows per frame, and grid layout costs more.
export const COLUMN_IDS = [
  'key', 'priority', 'type', 'organization', 'service', 'requester', 'customer', 'account', 'product', 'channel', 'sla', 'assignee', 'updated',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Each column's cell classes, made once: a scrolled frame would otherwise concatenate them for every cell. */
export const CELL_CLASS = Object.fromEntries(COLUMN_IDS.map((id) => [id, `sbq-cell sbq-cell--${id}`])) as Record<ColumnId, string>;

const modified = Object.fromEntries(COLUMN_IDS.map((id) => [id, new Map<string, string>()])) as Record<ColumnId, Map<string, string>>;

/** A column's cell classes with a state's modifier (" sbq-muted"), made once for each pair. */
export function cellClass(id: ColumnId, modifier: string): string {
  if (!modifier) return CELL_CLASS[id];
  let classes = modified[id].get(modifier);
  if (classes === undefined) modified[id].set(modifier, (classes = CELL_CLASS[id] + modifier));
  return classes;
}

/** A fixed column is `minEm` wide; a flexible one at least that, sharing the width left with the others. */
export type Column = { id: ColumnId; minEm: number; flexible: boolean };

const fixed = (em: number) => ({ minEm: em, flexible: false });
const flexible = (minEm: number) => ({ minEm, flexible: true });

export const COLUMNS: Record<'service' | 'help', readonly Column[]> = {
  service: [
    { id: 'key', ...fixed(10) },
    { id: 'priority', ...fixed(3.5) },
    { id: 'type', ...fixed(9.5) },
    { id: 'organization', ...flexible(8) },
    { id: 'service', ...flexible(7) },
    { id: 'requester', ...flexible(8) },
    { id: 'sla', ...fixed(8.5) },
    { id: 'assignee', ...flexible(7) },
    { id: 'updated', ...fixed(7.5) },
  ],
  help: [
    { id: 'key', ...fixed(10) },
    { id: 'priority', ...fixed(3.5) },
    { id: 'type', ...fixed(7) },
    { id: 'customer', ...flexible(8) },
    { id: 'account', ...fixed(8) },
    { id: 'product', ...flexible(7) },
    { id: 'channel', ...fixed(6) },
    { id: 'sla', ...fixed(8.5) },
    { id: 'assignee', ...flexible(7) },
    { id: 'updated', ...fixed(7.5) },
  ],
};

/** The width rules of the columns' cells inside the element with class `scope`. */
export const columnRules = (scope: string, columns: readonly Column[]) =>
  columns
    .map((c) => `.${scope} .sbq-cell--${c.id}{${c.flexible ? `flex:1 1 0;min-width:${c.minEm}em` : `flex:0 0 ${c.minEm}em`}}`)
    .join('\n');
/** Below this width the grid scrolls sideways rather than squeezing columns. */
export const minWidthEm = (columns: readonly Column[]) => columns.reduce((sum, c) => sum + c.minEm, 0);

/** Newest first and most urgent first are what an agent means by clicking these. */
export const FIRST_DIRECTION: Partial<Record<ColumnId, 'descending'>> = { updated: 'descending' };
