// The queue grid's sticky header: the pick-all box and a sort button per column. Memoized apart from
// the grid, which renders on every scrolled frame: the header changes only with the columns, the sort,
// the language or the rows picked, and translating its labels each frame made a large share of a
// scrolled frame's garbage.
import { memo } from 'react';
import type { TFunction } from 'i18next';
import { CELL_CLASS, type Column, type ColumnId } from './columns';
import type { QueueRow } from './queue-row';
import type { SortSpec } from './sorting';

type HeadProps = {
  /** The queues' translations in the agent's language. */
  t: TFunction<'queues'>;
  height: number;
  columns: readonly Column[];
  sort: SortSpec;
  rows: readonly QueueRow[];
  /** Whether there are only a placeholder's words to show, and so nothing to pick. */
  placeholder: boolean;
  /** Picking tools (null for agents without them): whether every row is picked, and picking them all. */
  pickAll: { allPicked: boolean; maxPicks: number; setMany(ticketIds: readonly string[], on: boolean): void } | null;
  onSort(column: ColumnId): void;
};

export const QueueGridHead = memo(function QueueGridHead({ t, height, columns, sort, rows, placeholder, pickAll, onSort }: HeadProps) {
  const tooMany = pickAll !== null && rows.length > pickAll.maxPicks;
  return (
    <div role="rowgroup" className="sbq-head">
      <div role="row" aria-rowindex={1} className="sbq-row sbq-row--head" style={{ height }}>
        {pickAll && (
          <div role="columnheader" className="sbq-cell sbq-cell--pick">
            <input
              type="checkbox"
              checked={pickAll.allPicked}
              disabled={rows.length === 0 || placeholder || tooMany}
              title={tooMany ? t('selection.tooManyForAll', { max: pickAll.maxPicks }) : undefined}
              aria-label={t('selection.pickAll', { count: rows.length })}
              onChange={(e) => pickAll.setMany(rows.map((r) => r.id), e.target.checked)}
            />
          </div>
        )}
        {columns.map((c) => {
          const sorted = sort.column === c.id ? sort.direction : undefined;
          return (
            <div role="columnheader" key={c.id} aria-sort={sorted ?? 'none'} className={CELL_CLASS[c.id]}>
              <button type="button" className="sbq-sort" onClick={() => onSort(c.id)}>
                {t(`columns.${c.id}`)}
                <span className="sbq-sort__arrow" aria-hidden="true">{sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
});
