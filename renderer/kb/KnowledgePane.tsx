// The knowledge-base pane: search as you type over the cached articles (offline), filters, the
// results, an article with insert-into-reply, and writing and publishing for those allowed.
import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import { useCacheLoaded } from '../app/use-cache-loaded';
import { useUiStore } from '../app/ui-store';
import { mayCreateArticle } from './article-permissions';
import { ArticleEditor } from './ArticleEditor';
import { ArticleView } from './ArticleView';
import { FilterBar } from './FilterBar';
import { useKbStore } from './kb-store';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';
import { SearchStatus } from './SearchStatus';
import { useKbCommands } from './use-kb-commands';
import { useKbResults } from './use-kb-results';
import './kb.css';

export function KnowledgePane() {
  const { t } = useTranslation('kb');
  const { actor } = useConsole();
  const { results, index, state } = useKbResults();
  const cacheLoaded = useCacheLoaded();
  const view = useKbStore((s) => s.view);
  const searchRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = useCallback((articleId: string) => `${listId}-${articleId}`, [listId]);

  const backToResults = useCallback(() => {
    useKbStore.getState().show({ kind: 'results' });
    searchRef.current?.focus();
  }, []);
  const closeEditor = useCallback((savedId: string | null) => {
    const kb = useKbStore.getState();
    const current = kb.view;
    if (savedId !== null) kb.show({ kind: 'article', id: savedId });
    else if (current.kind === 'edit') kb.show({ kind: 'article', id: current.id });
    else backToResults();
  }, [backToResults]);
  useKbCommands(searchRef, results, backToResults);

  const claimKeyboard = () => {
    if (useUiStore.getState().focusedPane !== 'kb') useUiStore.getState().focusPane('kb');
  };

  return (
    <section role="region" aria-label={t('pane')} className="sb-kbpane" onFocusCapture={claimKeyboard}>
      <header className="sb-kbpane__header">
        <h2 className="sb-kbpane__heading">{t('pane')}</h2>
        {mayCreateArticle(actor) ? (
          <button type="button" className="sb-kbpane__new" onClick={() => useKbStore.getState().show({ kind: 'new' })}>
            {t('article.new')}
          </button>
        ) : null}
      </header>
      <SearchBox inputRef={searchRef} results={results} listId={listId} optionId={optionId} />
      <FilterBar categories={index.categories()} />
      <SearchStatus count={results.length} state={state} partial={!cacheLoaded} />
      {view.kind === 'results' ? <ResultList results={results} index={index} listId={listId} optionId={optionId} /> : null}
      {view.kind === 'article' ? <ArticleView id={view.id} onBack={backToResults} /> : null}
      {view.kind === 'edit' || view.kind === 'new' ? (
        <ArticleEditor id={view.kind === 'edit' ? view.id : null} categories={index.categories()} onClose={closeEditor} />
      ) : null}
    </section>
  );
}
