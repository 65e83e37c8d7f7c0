// The queue as an ARIA grid: a sticky header of sortable column headers and a virtualized body that
// renders only the rows in view (plus a few), so 100,000 tickets cost what 40 do. Rows have one fixed
// height, which keeps the virtualizer from measuring anything while scrolling. The grid itself holds
// the keyboard focus and points at the selected row with aria-activedescendant. Supervisors get a first
// column of checkboxes to pick rows for a bulk reassignment (Space picks the row under the cursor).
import { elementScroll, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecycledSlots } from '../lib/recycled-slots';
import { columnRules, minWidthEm, type Column, type ColumnId } from './columns';
import { useGridVirtualizer } from './use-grid-virtualizer';
import type { QueueRow } from './queue-row';
import { QueueGridHead } from './QueueGridHead';
import { QueueRowView } from './QueueRowView';
import type { SlaReading, SlaSchedule } from './sla-schedule';
import type { SortSpec } from './sorting';
import type { LocalMarks } from './use-local-marks';
import type { Directory } from './use-directory';
import type { QueueSelection } from './use-queue-selection';

export const ROW_HEIGHT = 28;
// Rows rendered beyond the window each way: the one an arrow key brings in is there already, and every
// row more is laid out and painted again in each scrolled frame (the page's own garbage from laying out
// rows is what sets off the collector while scrolling).
const OVERSCAN = 1;

export type Move = 1 | -1 | 'pageDown' | 'pageUp' | 'first' | 'last';

type GridProps = {
  idPrefix: string;
  label: string;
  /** Changes when the list is another one (view, filter, sort) rather than the same one updated. */
  listKey: string;
  columns: readonly Column[];
  rows: readonly QueueRow[];
  selectedIndex: number;
  sort: SortSpec;
  marks: LocalMarks;
  now: Date;
  sla: (schedule: SlaSchedule) => SlaReading;
  directory: Directory;
  /** Picking rows for a bulk action; null for agents who may not reassign in bulk (no pick column). */
  selection: QueueSelection | null;
  /** Most tickets "pick all" may take at once (a bulk action's limit). */
  maxPicks: number;
  /** Shown as the only row when there is nothing to list (loading, empty view, no match). */
  placeholder: string | null;
  onSort(column: ColumnId): void;
  onPick(row: QueueRow): void;
  onMove(move: Move, pageSize: number): void;
  onOpen(): void;
};

const KEY_MOVES: Record<string, Move> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 'pageDown',
  PageUp: 'pageUp',
  Home: 'first',
  End: 'last',
};

/**
 * The scroll box's size as a ResizeObserver reports it, after the browser's own layout. The virtualizer
 * otherwise reads it at mount, which forces a layout of the whole freshly mounted console inside the
 * mount's task. Where there is no ResizeObserver (jsdom), the virtualizer's own reading.
 */
function observeRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  const element = instance.scrollElement;
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!element || !Observer) return observeElementRect(instance, cb);
  const observer = new Observer(() => cb({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

const scrolledOnce = new WeakSet<object>();

/**
 * Scrolls as the virtualizer asks, except for its first request, at mount, to put a new scroll box at
 * the top where it already is: the browser would lay out the whole freshly mounted console to answer it.
 */
function scrollTo(offset: number, options: Parameters<typeof elementScroll>[1], instance: Virtualizer<HTMLDivElement, Element>) {
  if (!scrolledOnce.has(instance)) {
    scrolledOnce.add(instance);
    if (offset === 0) return;
  }
  elementScroll(offset, options, instance);
}

export const rowDomId = (prefix: string, id: string) => `${prefix}-row-${id}`;

/** Width of the pick column, in the grid's own width rules beside the desk's columns. */
const PICK_TRACK_EM = 2.2;

export function QueueGrid(props: GridProps) {
  const { t, i18n } = useTranslation('queues');
  const { rows, columns, selectedIndex, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Items keep the virtualizer's own index keys: it works out every row's offset again whenever its
  // key function changes, which a key by ticket would do on every live change of the rows (tens of
  // thousands of offsets). Rows have one fixed height, so no key ever has a measured size to remember.
  const virtualizer = useGridVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeRect,
    scrollToFn: scrollTo,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header sits above the first row inside the same scroll box.
    scrollMargin: ROW_HEIGHT,
  });

  // Follow the selection when it moves, not when live changes shift its row while the agent looks elsewhere.
  const followed = useRef<string | null>(null);
  useEffect(() => {
    const id = selectedIndex >= 0 ? rows[selectedIndex]!.id : null;
    if (id === null || id === followed.current) return;
    followed.current = id;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, rows, virtualizer]);

  // Another view, filter or sort starts at the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [props.listKey]);

  const items = virtualizer.getVirtualItems();
  const slots = useRecycledSlots(items.map((v) => v.index));
  // Rendered in slot order, which a scroll leaves as it was: in index order, the rows scrolled in would
  // come first or last, and React would move DOM nodes every frame (a move rebuilds a row's layout).
  // Each row is placed by `top` inside a window that starts at the slots' origin, and names its
  // position with aria-rowindex. A scroll of a page or more moves only the window, and the rows keep
  // their places with new contents: moving every row (its `top`) in every such frame restyled and
  // moved 30 paint layers, a third of the frame's main-thread time.
  const slotted = [...items].sort((a, b) => slots.byIndex.get(a.index)! - slots.byIndex.get(b.index)!);
  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
  const selectedShown = selectedIndex >= 0 && items.some((v) => v.index === selectedIndex);
  const template: CSSProperties = { ['--sbq-min-width' as string]: `${minWidthEm(columns) + (selection ? PICK_TRACK_EM : 0)}em` };
  const widths = useMemo(
    () => `${columnRules(props.idPrefix, columns)}\n.${props.idPrefix} .sbq-cell--pick{flex:0 0 ${PICK_TRACK_EM}em}`,
    [props.idPrefix, columns],
  );
  const picked = selection?.picked;
  const setMany = selection?.setMany;
  const pickAll = useMemo(
    () => (picked && setMany ? { allPicked: rows.length > 0 && rows.every((r) => picked.has(r.id)), maxPicks: props.maxPicks, setMany } : null),
    [picked, setMany, rows, props.maxPicks],
  );
  // Stable across live updates and picks, so the memoized rows re-render only when their own props change.
  const latestRows = useRef(rows);
  latestRows.current = rows;
  const toggle = selection?.toggle;
  const extendTo = selection?.extendTo;
  const togglePick = useCallback(
    (row: QueueRow, extend: boolean) => (extend ? extendTo?.(row.id, latestRows.current) : toggle?.(row.id)),
    [toggle, extendTo],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // a header button handles its own keys
    const move = KEY_MOVES[e.key];
    if (move !== undefined) {
      e.preventDefault();
      props.onMove(move, pageSize);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onOpen();
    } else if (e.key === ' ' && selection && selectedIndex >= 0) {
      e.preventDefault();
      togglePick(rows[selectedIndex]!, e.shiftKey);
    }
  };

  return (
    <div
      ref={scrollRef}
      className={`sbq-grid ${props.idPrefix}`}
      role="grid"
      aria-label={props.label}
      aria-rowcount={(props.placeholder !== null ? 1 : rows.length) + 1}
      aria-colcount={columns.length + (selection ? 1 : 0)}
      aria-activedescendant={selectedShown ? rowDomId(props.idPrefix, rows[selectedIndex]!.id) : undefined}
      tabIndex={0}
      style={template}
      onKeyDown={onKeyDown}
    >
      <style>{widths}</style>
      <QueueGridHead
        t={t}
        height={ROW_HEIGHT}
        columns={columns}
        sort={props.sort}
        rows={rows}
        placeholder={props.placeholder !== null}
        pickAll={pickAll}
        onSort={props.onSort}
      />
      <div role="rowgroup" className="sbq-body" style={{ height: virtualizer.getTotalSize() }}>
        {props.placeholder !== null ? (
          <div role="row" aria-rowindex={2} className="sbq-row sbq-row--placeholder" style={{ height: ROW_HEIGHT }}>
            <div role="gridcell" aria-colspan={columns.length + (selection ? 1 : 0)} className="sbq-cell sbq-placeholder">{props.placeholder}</div>
          </div>
        ) : (
          <div className="sbq-window" style={{ top: slots.origin * ROW_HEIGHT }}>
            {slotted.map((v) => {
              const row = rows[v.index]!;
              return (
                <QueueRowView
                  // Keyed by slot, not by ticket: a row scrolled out hands its DOM nodes to the row scrolled in.
                  key={slots.byIndex.get(v.index)}
                  row={row}
                  t={t}
                  language={i18n.language}
                  domId={rowDomId(props.idPrefix, row.id)}
                  rowIndex={v.index + 2}
                  place={v.index - slots.origin}
                  height={ROW_HEIGHT}
                  columns={columns}
                  selected={v.index === selectedIndex}
                  pending={props.marks.pending.has(row.id)}
                  conflict={props.marks.conflicts.has(row.id)}
                  now={props.now}
                  sla={props.sla}
                  directory={props.directory}
                  picked={picked ? picked.has(row.id) : null}
                  onPick={props.onPick}
                  onPickToggle={togglePick}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
