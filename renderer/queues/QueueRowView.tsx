// One row of the queue grid, absolutely placed by the virtualizer. Memoized: scrolling renders only rows
// that enter the window, and a minute's tick re-renders only the rows on screen. The grid's translation
// function comes in as a prop (it changes with the language, which re-renders every row).
//
// React renders the row's frame: the row element (its place, state and events), the pick checkbox and
// one empty cell per column, the same elements for every row with those columns. What the cells say is
// written into them after each render (`paintCells`). Scrolling a viewport per frame gives every shown
// row new contents each frame, and the elements and props React needed for each cell were most of what
// a scroll allocated: garbage the collector paused the window for, and a pause inside a scrolled frame
// made it a long task.
import { memo, useLayoutEffect, useRef, type CSSProperties, type MouseEvent, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { PRIORITIES, type Priority } from '../../shared/rules/priority';
import { HELP_CHANNELS, HELP_TYPES, SERVICE_CHANNELS, SERVICE_TYPES } from '../../shared/schemas/ticket';
import { formatDateTime, formatRelative } from '../i18n/format';
import { label } from '../i18n/labels';
import { CELL_CLASS, cellClass, type Column, type ColumnId } from './columns';
import type { QueueRow } from './queue-row';
import { slaCell } from './sla-cell';
import type { SlaReading, SlaSchedule } from './sla-schedule';
import type { Directory } from './use-directory';

export type RowProps = {
  row: QueueRow;
  /** The queues' translations in the agent's language. */
  t: TFunction<'queues'>;
  language: string;
  domId: string;
  /** Position among the grid's rows, header included (aria-rowindex is 1-based). */
  rowIndex: number;
  /** Rows from the top of the grid's window of rows (see QueueGrid) to this one. */
  place: number;
  height: number;
  columns: readonly Column[];
  selected: boolean;
  pending: boolean;
  conflict: boolean;
  now: Date;
  sla: (schedule: SlaSchedule) => SlaReading;
  directory: Directory;
  /** Whether the row is picked for a bulk action; null when the agent has no picking tools. */
  picked: boolean | null;
  onPick(row: QueueRow): void;
  /** Toggles the row's pick, or (extend) picks the rows from the last toggled one to this one. */
  onPickToggle(row: QueueRow, extend: boolean): void;
};

// A scroll hands the page every class and text of every row it shows: the same class is the same
// string, made once here, rather than a new one for the page to take in each time.
const PRIORITY_CLASS = Object.fromEntries(PRIORITIES.map((p) => [p, `sbq-prio sbq-prio--${p.toLowerCase()}`])) as Record<Priority, string>;
const labelKeys = <V extends string>(prefix: string, values: readonly V[]) => Object.fromEntries(values.map((v) => [v, `${prefix}.${v}`])) as Record<V, string>;
const TYPE_KEY = labelKeys('types', [...SERVICE_TYPES, ...HELP_TYPES]);
const CHANNEL_KEY = labelKeys('channels', [...new Set([...SERVICE_CHANNELS, ...HELP_CHANNELS])]);
/** By selected (1), pending (2) and conflict (4). */
const ROW_CLASS = Array.from({ length: 8 }, (_, bits) =>
  ['sbq-row', bits & 1 && 'sbq-row--selected', bits & 2 && 'sbq-row--pending', bits & 4 && 'sbq-row--conflict'].filter(Boolean).join(' '),
);

/** The key cell of a ticket with marks (pending, conflict) or no key yet: rare, so React renders it. */
function markedKeyCell({ row, pending, conflict, t }: RowProps) {
  return (
    <div role="gridcell" key="key-marked" className={CELL_CLASS.key}>
      {row.key ?? <span className="sbq-newkey" title={label(t, 'newKeyTitle')}>{label(t, 'newKey')}</span>}
      {pending && <span className="sbq-mark sbq-mark--pending" title={label(t, 'mark.pendingTitle')}>{label(t, 'mark.pending')}</span>}
      {conflict && <span className="sbq-mark sbq-mark--conflict" title={label(t, 'mark.conflictTitle')}>{label(t, 'mark.conflict')}</span>}
    </div>
  );
}

const hasMarks = ({ row, pending, conflict }: RowProps) => row.key === null || pending || conflict;

/** The empty cells of a set of columns, made once: React keeps them and never renders them again. */
const frames = new WeakMap<readonly Column[], ReactElement[]>();
function cellFrames(columns: readonly Column[]): ReactElement[] {
  let cells = frames.get(columns);
  if (!cells) {
    cells = columns.map(({ id }) => (
      <div role="gridcell" key={id} className={CELL_CLASS[id]}>{id === 'priority' && <span />}</div>
    ));
    frames.set(columns, cells);
  }
  return cells;
}

/** What one cell says. One object, filled in for each cell in turn: painting a frame makes none. */
const says = { text: '', modifier: '', title: null as string | null };

function describeCell(id: ColumnId, props: RowProps): void {
  const { row, directory, t } = props;
  says.modifier = '';
  says.title = null;
  switch (id) {
    case 'key': says.text = row.key ?? ''; break;
    case 'priority': says.text = row.priority; break;
    case 'type': says.text = label(t, TYPE_KEY[row.type]); break;
    case 'organization': says.text = directory.organizations.get(row.organizationId) ?? ''; break;
    case 'service': says.text = row.service ?? ''; break;
    case 'requester':
    case 'customer': says.text = row.requester; break;
    case 'account':
      says.text = row.account ?? '';
      says.modifier = ' sbq-mono';
      break;
    case 'product': says.text = row.product ?? ''; break;
    case 'channel': says.text = label(t, CHANNEL_KEY[row.channel]); break;
    case 'sla': {
      const sla = slaCell(props.sla(row.sla), t);
      says.text = sla.text;
      says.modifier = sla.modifier;
      says.title = sla.title;
      break;
    }
    case 'assignee':
      if (row.assigneeId === null) {
        says.text = label(t, 'unassigned');
        says.modifier = ' sbq-muted';
      } else {
        says.text = directory.agents.get(row.assigneeId) ?? '';
      }
      break;
    case 'updated':
      // The exact time as the cell's tooltip; no <time> element inside, one box less in every row.
      says.text = formatRelative(row.updatedAt, props.now, props.language);
      says.title = formatDateTime(row.updatedAt, props.language);
      break;
  }
}

/** What each cell element was last given, so a repaint writes only what changed. */
const painted = new WeakMap<Element, { text: string; className: string; title: string | null }>();

/** Puts `text` in `holder` (the cell, or the priority's badge), and the classes and tooltip given. */
function paint(cell: HTMLElement, holder: Element, text: string, className: string, title: string | null): void {
  let last = painted.get(cell);
  if (!last) painted.set(cell, (last = { text: '', className: '', title: null }));
  if (last.className !== className) holder.className = last.className = className;
  if (last.title !== title) {
    if (title === null) cell.removeAttribute('title');
    else cell.title = title;
    last.title = title;
  }
  if (last.text !== text) {
    const node = holder.firstChild;
    if (node?.nodeType === Node.TEXT_NODE) (node as Text).data = text;
    else holder.textContent = text;
    last.text = text;
  }
}

/** Writes what each column's cell says into the row's cells (after the pick cell, if any). */
function paintCells(rowElement: HTMLElement, props: RowProps): void {
  const first = props.picked !== null ? 1 : 0;
  const marked = hasMarks(props);
  for (let i = 0; i < props.columns.length; i++) {
    const id = props.columns[i]!.id;
    if (id === 'key' && marked) continue; // rendered by React
    const cell = rowElement.children[first + i] as HTMLElement;
    describeCell(id, props);
    if (id === 'priority') paint(cell, cell.firstElementChild!, says.text, PRIORITY_CLASS[props.row.priority], null);
    else paint(cell, cell, says.text, cellClass(id, says.modifier), says.title);
  }
}

function pickCell({ row, onPickToggle, t }: RowProps, picked: boolean) {
  return (
    <div role="gridcell" className="sbq-cell sbq-cell--pick">
      {/* Out of the tab order: the grid holds the keyboard, and Space there toggles the row. */}
      <input
        type="checkbox"
        tabIndex={-1}
        checked={picked}
        aria-label={t('selection.pick', { key: row.key ?? row.subject })}
        onClick={(e) => e.stopPropagation()}
        // React fires a checkbox's change from its click: Shift held there extends the picks.
        onChange={(e) => onPickToggle(row, (e.nativeEvent as { shiftKey?: boolean }).shiftKey === true)}
      />
    </div>
  );
}

/** Every prop the same (by identity): a memo check that makes no arrays of keys, as React's own does. */
function sameProps(a: RowProps, b: RowProps): boolean {
  for (const key in a) if (a[key as keyof RowProps] !== b[key as keyof RowProps]) return false;
  return true;
}

export const QueueRowView = memo(function QueueRowView(props: RowProps) {
  const { row, selected } = props;
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => paintCells(ref.current!, props));
  const onClick = (e: MouseEvent) => {
    // With picking tools, Ctrl/⌘+click and Shift+click pick rows instead of opening one.
    if (props.picked !== null && (e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      props.onPickToggle(row, e.shiftKey);
      return;
    }
    props.onPick(row);
  };
  // Placed by `top`, not a transform: a transform gives every row a paint property node of its own,
  // which each scrolled frame then walks in pre-paint and layerizing.
  const style: CSSProperties = { top: props.place * props.height, height: props.height };
  const cells = cellFrames(props.columns);
  return (
    <div
      ref={ref}
      role="row"
      id={props.domId}
      aria-rowindex={props.rowIndex}
      aria-selected={selected}
      className={ROW_CLASS[(selected ? 1 : 0) + (props.pending ? 2 : 0) + (props.conflict ? 4 : 0)]}
      style={style}
      title={row.subject}
      onClick={onClick}
    >
      {props.picked !== null && pickCell(props, props.picked)}
      {hasMarks(props) ? cells.map((cell) => (cell.key === 'key' ? markedKeyCell(props) : cell)) : cells}
    </div>
  );
}, sameProps);
