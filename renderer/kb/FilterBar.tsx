// The search filters: desk, language, category and state, each a labelled select. By default the
// pane shows published articles of any desk, language and category.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbStore } from './kb-store';
import type { KbFilters } from './search-index';

const DESKS: KbFilters['desk'][] = ['any', 'service', 'help', 'both'];
const LANGUAGES: KbFilters['language'][] = ['any', 'cs', 'en'];
const STATES: KbFilters['state'][] = ['published', 'draft', 'archived', 'any'];
const ANY_CATEGORY = '';

export function FilterBar({ categories }: { categories: readonly string[] }) {
  const { t } = useTranslation('kb');
  const id = useId();
  const filters = useKbStore((s) => s.filters);
  const setFilter = useKbStore((s) => s.setFilter);
  // A category filter stays listed even when no article has it any more.
  const categoryOptions = filters.category !== null && !categories.includes(filters.category) ? [...categories, filters.category] : categories;

  return (
    <fieldset className="sb-kbpane__filters">
      <legend className="sb-kbpane__sr-only">{t('filters.legend')}</legend>
      <div className="sb-kbpane__filter">
        <label htmlFor={`${id}-desk`}>{t('filters.desk')}</label>
        <select id={`${id}-desk`} value={filters.desk} onChange={(e) => setFilter('desk', e.target.value as KbFilters['desk'])}>
          {DESKS.map((d) => <option key={d} value={d}>{t(`filters.deskOption.${d}`)}</option>)}
        </select>
      </div>
      <div className="sb-kbpane__filter">
        <label htmlFor={`${id}-language`}>{t('filters.language')}</label>
        <select id={`${id}-language`} value={filters.language} onChange={(e) => setFilter('language', e.target.value as KbFilters['language'])}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{t(`filters.languageOption.${l}`)}</option>)}
        </select>
      </div>
      <div className="sb-kbpane__filter">
        <label htmlFor={`${id}-category`}>{t('filters.category')}</label>
        <select
          id={`${id}-category`}
          value={filters.category ?? ANY_CATEGORY}
          onChange={(e) => setFilter('category', e.target.value === ANY_CATEGORY ? null : e.target.value)}
        >
          <option value={ANY_CATEGORY}>{t('filters.anyCategory')}</option>
          {categoryOptions.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </div>
      <div className="sb-kbpane__filter">
        <label htmlFor={`${id}-state`}>{t('filters.state')}</label>
        <select id={`${id}-state`} value={filters.state} onChange={(e) => setFilter('state', e.target.value as KbFilters['state'])}>
          {STATES.map((s) => <option key={s} value={s}>{t(`filters.stateOption.${s}`)}</option>)}
        </select>
      </div>
    </fieldset>
  );
}
