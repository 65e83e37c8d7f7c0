// A desk's queue pane: saved views with live counts, a quick filter, a sortable virtualized grid, and
// the keyboard. Data comes from the desk's in-memory projection (see queue-projection.ts); views,
// counts and sorting are derived from it (use-queue-derivation.ts), so switching views is one linear
// pass over open tickets.
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import { useCacheLoaded } from '../app/use-cache-loaded';
import { useUiStore } from '../app/ui-store';
import { COLUMNS, FIRST_DIRECTION, type ColumnId } from './columns';
import type { QueueRow } from './queue-row';
import { MAX_TICKETS } from '../supervisor/BulkReassign';
import { QueueBulkBar } from './QueueBulkBar';
import { QueueGrid } from './QueueGrid';
import { SaveViewForm } from './SaveViewForm';
import type { SlaReading, SlaSchedule } from './sla-schedule';
import type { SortContext, SortSpec } from './sorting';
import { useDirectory } from './use-directory';
import { useLocalMarks } from './use-local-marks';
import { useMinuteClock } from './use-minute-clock';
import { useQueueCommands } from './use-queue-commands';
import { useQueueProjection } from './use-queue-projection';
import { useQueueSelection } from './use-queue-selection';
import { useSavedViews } from './saved-views';
import { ViewBar } from './ViewBar';
import { useQueueDerivation } from './use-queue-derivation';
import { createRowSelector, savedViewId, type BuiltinView, type ViewContext, type ViewId } from './views';
import './queues.css';

const DEFAULT_SORT: SortSpec = { column: 'sla', direction: 'ascending' };
const NO_CLOCK = (): SlaReading => ({ remainingMs: 0, state: 'ok', paused: false });
const NO_COUNTS = new Map<ViewId, number>();

export function QueuePane({ desk }: { desk: 'service' | 'help' }) {
  const { t, i18n } = useTranslation('queues');
  const language = i18n.language;
  const { actor } = useConsole();
  const { projection, snapshot } = useQueueProjection(desk);
  const now = useMinuteClock();
  const nowMs = now.getTime();
  const directory = useDirectory();
  const marks = useLocalMarks();
  const selection = useQueueSelection();
  const bootstrapped = useCacheLoaded();
  const { views: saved, save, remove } = useSavedViews(desk);

  const [viewId, setViewId] = useState<ViewId>('allOpen');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [selectedId, setSelectedId] = useState<string | null>(() => useUiStore.getState().openTicket[desk]);
  const [saving, setSaving] = useState(false);
  const filterRef = useRef<HTMLInputElement>(null);
  const deferredFilter = useDeferredValue(filter);

  // A saved view deleted (here or in another window), or not read back yet, reads as "All open".
  const isSaved = viewId.startsWith('saved:');
  const savedView = isSaved ? saved.find((v) => savedViewId(v) === viewId) : undefined;
  const base: BuiltinView = savedView ? savedView.base : isSaved ? 'allOpen' : (viewId as BuiltinView);

  const sla = useMemo<(s: SlaSchedule) => SlaReading>(() => projection?.clocks.readerAt(nowMs) ?? NO_CLOCK, [projection, nowMs]);
  const viewContext = useMemo<ViewContext>(() => ({ actorId: actor.id, groupIds: new Set(actor.groupIds), sla }), [actor, sla]);
  // Only an SLA sort depends on the minute; the others keep their order until the rows change.
  const sortClock = sort.column === 'sla' ? sla : null;
  const sortContext = useMemo<SortContext>(() => ({
    organizationName: (id) => directory.organizations.get(id),
    agentName: (id) => directory.agents.get(id),
    label: (kind, value) => i18n.t(`${kind === 'type' ? 'types' : 'channels'}.${value}`, { ns: 'queues', lng: language }),
    sla: sortClock ?? NO_CLOCK,
  }), [directory, i18n, language, sortClock]);
  const derived = useQueueDerivation({ rows: snapshot.rows, view: viewContext, sort, sortContext, saved });
  // A view switch: one walk over the derived order; a keystroke in the filter narrows the last result.
  const select = useMemo(createRowSelector, []);
  const rows = useMemo(
    () => (derived ? select(derived.rows, derived.order, derived.bits, base, deferredFilter) : []),
    [select, derived, base, deferredFilter],
  );
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)), [rows, selectedId]);

  const current = useCallback((id: string) => projection?.get(id), [projection]);
  const { move, open } = useQueueCommands({ desk, rows, selectedId, select: setSelectedId, current, filterRef });

  const chooseView = (id: ViewId) => {
    setViewId(id);
    const view = saved.find((v) => savedViewId(v) === id);
    if (view) {
      setFilter(view.filter);
      setSort(view.sort);
    }
  };

  const sortBy = (column: ColumnId) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: FIRST_DIRECTION[column] ?? 'ascending' },
    );

  const pick = useCallback(
    (row: QueueRow) => {
      setSelectedId(row.id);
      useUiStore.getState().openTicketIn(desk, row.id);
    },
    [desk],
  );

  const claimFocus = () => {
    const ui = useUiStore.getState();
    if (ui.focusedPane !== desk) ui.focusPane(desk);
  };

  const onFilterKey = (key: string): boolean => {
    if (key === 'Escape' && filter !== '') {
      setFilter('');
      return true;
    }
    if (key === 'ArrowDown') {
      filterRef.current?.closest('section')?.querySelector<HTMLElement>('[role="grid"]')?.focus();
      move('first');
      return true;
    }
    return false;
  };

  const viewName = savedView ? savedView.name : t(`views.${base}`);
  const partial = !bootstrapped || !snapshot.loaded;
  const title = t(`desk.${desk}`);
  let placeholder: string | null = null;
  if (rows.length === 0) placeholder = !snapshot.loaded || !derived ? t('loading') : deferredFilter.trim() ? t('emptyFilter') : t('empty');

  return (
    <section role="region" aria-label={title} className="sbq" onFocus={claimFocus} onPointerDown={claimFocus}>
      <ViewBar
        title={title}
        viewId={savedView || !isSaved ? viewId : 'allOpen'}
        counts={derived?.counts ?? NO_COUNTS}
        partial={partial}
        saved={saved}
        filter={filter}
        filterRef={filterRef}
        onView={chooseView}
        onFilter={setFilter}
        onFilterKey={onFilterKey}
        onSave={() => setSaving(true)}
        onDelete={() => {
          if (savedView) void remove(savedView.id);
          setViewId(base);
        }}
      />
      {saving && (
        <SaveViewForm
          suggestion={filter.trim() ? t('save.defaultName', { view: viewName, filter: filter.trim() }) : viewName}
          onCancel={() => setSaving(false)}
          onSave={(name) => {
            setSaving(false);
            void save({ name, base, filter: filter.trim(), sort }).then((view) => setViewId(savedViewId(view)));
          }}
        />
      )}
      <QueueGrid
        idPrefix={`sbq-${desk}`}
        listKey={`${viewId} ${deferredFilter} ${sort.column} ${sort.direction}`}
        label={t('grid', { desk: title })}
        columns={COLUMNS[desk]}
        rows={rows}
        selectedIndex={selectedIndex}
        sort={sort}
        marks={marks}
        now={now}
        sla={sla}
        directory={directory}
        selection={selection}
        maxPicks={MAX_TICKETS}
        placeholder={placeholder}
        onSort={sortBy}
        onPick={pick}
        onMove={move}
        onOpen={open}
      />
      {selection && <QueueBulkBar pickedCount={selection.picked.size} onClear={selection.clear} />}
      <div className="sbq-foot" role="status">
        <span>{t('summary', { count: rows.length })}</span>
        {partial && <span className="sbq-muted">{t('view.partialNote')}</span>}
        {snapshot.failed && <span className="sbq-error">{t('failed')}</span>}
      </div>
    </section>
  );
}
