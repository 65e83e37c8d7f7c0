// The ranked results as a listbox; the search field owns the keyboard (aria-activedescendant), a
// click opens an article too. The highlighted result is kept in view.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbStore } from './kb-store';
import type { ArticleIndex } from './search-index';

export function ResultList({ results, index, listId, optionId }: {
  results: readonly string[];
  index: ArticleIndex;
  listId: string;
  optionId: (articleId: string) => string;
}) {
  const { t } = useTranslation('kb');
  const chosen = useKbStore((s) => s.active);
  const active = Math.min(chosen, results.length - 1);
  const activeId = results[active];

  // Follows the highlight as the agent moves it. A new list of results (typing, the index filling up
  // during a bootstrap) does not scroll: that would force a layout of the whole window mid-update.
  const followed = useRef(chosen);
  useEffect(() => {
    if (followed.current === chosen || activeId === undefined) return;
    followed.current = chosen;
    document.getElementById(optionId(activeId))?.scrollIntoView?.({ block: 'nearest' });
  }, [chosen, activeId, optionId]);

  return (
    <ul role="listbox" id={listId} aria-label={t('results.label')} className="sb-kbpane__results">
      {results.map((id, i) => {
        const a = index.get(id);
        if (!a) return null;
        return (
          <li
            key={id}
            id={optionId(id)}
            role="option"
            aria-selected={i === active}
            className="sb-kbpane__result"
            onClick={() => {
              const kb = useKbStore.getState();
              kb.setActive(i);
              kb.show({ kind: 'article', id });
            }}
          >
            <span className="sb-kbpane__result-title" lang={a.language}>{a.title}</span>
            <span className="sb-kbpane__badge" title={t(`language.${a.language}`)}>{a.language}</span>
            {a.state !== 'published' ? <span className={`sb-kbpane__badge sb-kbpane__badge--${a.state}`}>{t(`state.${a.state}`)}</span> : null}
            {a.category ? <span className="sb-kbpane__result-meta">{a.category}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
