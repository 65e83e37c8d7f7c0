// The pane's toolbar: the view selector with live counts, the quick filter, and saving or deleting
// the agent's own views. Counts say "(partial)" while the cache is still loading.
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_VIEWS, savedViewId, type SavedView, type ViewId } from './views';

type ViewBarProps = {
  title: string;
  viewId: ViewId;
  counts: ReadonlyMap<ViewId, number>;
  partial: boolean;
  saved: readonly SavedView[];
  filter: string;
  filterRef: Ref<HTMLInputElement>;
  onView(id: ViewId): void;
  onFilter(text: string): void;
  onFilterKey(key: string): boolean;
  onSave(): void;
  onDelete(): void;
};

export function ViewBar(props: ViewBarProps) {
  const { t } = useTranslation('queues');
  const viewSelect = useId();
  const filterInput = useId();
  const option = (id: ViewId, name: string) => {
    const count = props.counts.get(id) ?? 0;
    return (
      <option key={id} value={id}>
        {t(props.partial ? 'view.optionPartial' : 'view.option', { name, count })}
      </option>
    );
  };
  return (
    <div className="sbq-bar">
      <h2 className="sbq-title">{props.title}</h2>
      <label htmlFor={viewSelect} className="sbq-sr">{t('view.label')}</label>
      <select
        id={viewSelect}
        className="sbq-view"
        value={props.viewId}
        title={props.partial ? t('view.partialNote') : undefined}
        onChange={(e) => props.onView(e.target.value as ViewId)}
      >
        <optgroup label={t('view.builtin')}>{BUILTIN_VIEWS.map((v) => option(v, t(`views.${v}`)))}</optgroup>
        {props.saved.length > 0 && <optgroup label={t('view.saved')}>{props.saved.map((v) => option(savedViewId(v), v.name))}</optgroup>}
      </select>
      <label htmlFor={filterInput} className="sbq-sr">{t('filter.label')}</label>
      <input
        id={filterInput}
        ref={props.filterRef}
        type="search"
        className="sbq-filter"
        placeholder={t('filter.placeholder')}
        value={props.filter}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => props.onFilter(e.target.value)}
        onKeyDown={(e) => {
          if (props.onFilterKey(e.key)) e.preventDefault();
        }}
      />
      <button type="button" className="sbq-button" onClick={props.onSave}>{t('save.open')}</button>
      {props.viewId.startsWith('saved:') && (
        <button type="button" className="sbq-button" onClick={props.onDelete}>{t('save.delete')}</button>
      )}
    </div>
  );
}
