// One row of the queue grid, absolutely placed by the virtualizer. Memoized: scrolling renders only rows
// that enter the window, and a minute's tick re-renders only the rows on screen. Scrolling a viewport
// per frame renders dozens of rows, so a row is one component with no hooks: the grid's translation
// function comes in as a prop (it changes with the language, which re-renders every row), and each
// cell is a plain function, not a component of its own.
import { memo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { formatDateTime, formatRelative } from '../i18n/format';
import { label } from '../i18n/labels';
import { CELL_CLASS, type Column, type ColumnId } from './columns';
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
  top: number;
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

function keyCell({ row, pending, conflict, t }: RowProps) {
  if (row.key !== null && !pending && !conflict) return row.key;
  return (
    <>
      {row.key ?? <span className="sbq-newkey" title={label(t, 'newKeyTitle')}>{label(t, 'newKey')}</span>}
      {pending && <span className="sbq-mark sbq-mark--pending" title={label(t, 'mark.pendingTitle')}>{label(t, 'mark.pending')}</span>}
      {conflict && <span className="sbq-mark sbq-mark--conflict" title={label(t, 'mark.conflictTitle')}>{label(t, 'mark.conflict')}</span>}
    </>
  );
}

/** A grid cell; plain text goes in as a string, so React sets it as the cell's only text node. */
function gridcell(id: ColumnId, content: ReactNode, modifier = '', title?: string) {
  return <div role="gridcell" key={id} className={modifier ? CELL_CLASS[id] + modifier : CELL_CLASS[id]} title={title}>{content}</div>;
}

// A cell carries its own classes rather than wrapping its text in a span for them: every element of a
// row is styled, laid out and painted again on each scrolled frame.
function cell(id: ColumnId, props: RowProps) {
  const { row, directory, t } = props;
  switch (id) {
    case 'key': return gridcell(id, keyCell(props));
    case 'priority': return gridcell(id, <span className={`sbq-prio sbq-prio--${row.priority.toLowerCase()}`}>{row.priority}</span>);
    case 'type': return gridcell(id, label(t, `types.${row.type}`));
    case 'organization': return gridcell(id, directory.organizations.get(row.organizationId) ?? '');
    case 'service': return gridcell(id, row.service ?? '');
    case 'requester':
    case 'customer': return gridcell(id, row.requester);
    case 'account': return gridcell(id, row.account ?? '', ' sbq-mono');
    case 'product': return gridcell(id, row.product ?? '');
    case 'channel': return gridcell(id, label(t, `channels.${row.channel}`));
    case 'sla': {
      const sla = slaCell(props.sla(row.sla), t);
      return gridcell(id, sla.text, sla.modifier, sla.title);
    }
    case 'assignee':
      return row.assigneeId === null
        ? gridcell(id, label(t, 'unassigned'), ' sbq-muted')
        : gridcell(id, directory.agents.get(row.assigneeId) ?? '');
    case 'updated':
      // The exact time as the cell's tooltip; no <time> element inside, one box less in every row.
      return gridcell(id, formatRelative(row.updatedAt, props.now, props.language), '', formatDateTime(row.updatedAt, props.language));
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

export const QueueRowView = memo(function QueueRowView(props: RowProps) {
  const { row, selected } = props;
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
  const style: CSSProperties = { top: props.top, height: props.height };
  const classes = ['sbq-row'];
  if (selected) classes.push('sbq-row--selected');
  if (props.pending) classes.push('sbq-row--pending');
  if (props.conflict) classes.push('sbq-row--conflict');
  return (
    <div
      role="row"
      id={props.domId}
      aria-rowindex={props.rowIndex}
      aria-selected={selected}
      className={classes.join(' ')}
      style={style}
      title={row.subject}
      onClick={onClick}
    >
      {props.picked !== null && pickCell(props, props.picked)}
      {props.columns.map((c) => cell(c.id, props))}
    </div>
  );
});
