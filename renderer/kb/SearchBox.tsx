// The search field, a combobox over the result list: typing searches, ↑/↓ move the highlight,
// Enter opens the highlighted article, Esc clears the search.
import type { KeyboardEvent, RefObject } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbStore } from './kb-store';

export function SearchBox({ inputRef, results, listId, optionId }: {
  inputRef: RefObject<HTMLInputElement | null>;
  results: readonly string[];
  listId: string;
  optionId: (articleId: string) => string;
}) {
  const { t } = useTranslation('kb');
  const inputId = useId();
  const query = useKbStore((s) => s.query);
  const active = useKbStore((s) => s.active);
  const showingResults = useKbStore((s) => s.view.kind === 'results');
  const activeId = showingResults ? results[Math.min(active, results.length - 1)] : undefined;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const kb = useKbStore.getState();
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!showingResults) kb.show({ kind: 'results' });
        else if (results.length > 0) kb.setActive(Math.min(active + 1, results.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (showingResults) kb.setActive(Math.max(Math.min(active, results.length - 1) - 1, 0));
        break;
      case 'Enter':
        if (activeId !== undefined) {
          e.preventDefault();
          kb.show({ kind: 'article', id: activeId });
        }
        break;
      case 'Escape':
        if (query !== '') {
          e.preventDefault();
          e.stopPropagation();
          kb.setQuery('');
        }
        break;
      default:
        break;
    }
  }

  return (
    <div className="sb-kbpane__search">
      <label htmlFor={inputId} className="sb-kbpane__label">{t('search.label')}</label>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={showingResults && results.length > 0}
        aria-activedescendant={activeId !== undefined ? optionId(activeId) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => useKbStore.getState().setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
