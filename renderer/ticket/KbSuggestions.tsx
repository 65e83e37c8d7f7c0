// Articles that may answer this ticket, with one-click insert into the reply. Inserting also records
// the article on the ticket (`ticket.linkArticle`), which is how the knowledge base learns what helped.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import { useComposerStore } from './composer-store';
import { articleLink, firstParagraph, suggestArticlesInChunks, type Suggestion } from './suggest-articles';
import { useArticles, usePublishedArticles } from './use-ticket-data';

export function KbSuggestions({ ticket, canLink, onInserted }: {
  ticket: Ticket;
  canLink: boolean;
  /** After an insert, so the pane can bring the composer into view. */
  onInserted?: () => void;
}) {
  const { t } = useTranslation('ticket');
  const { change } = useConsole();
  const articles = usePublishedArticles();
  const linked = useArticles(ticket.articleIds);
  const appendToReply = useComposerStore((s) => s.appendToReply);
  const action = useAction();
  const { desk, subject, description } = ticket;
  // Indexing thousands of cached articles the first time takes a while: it runs in chunks after the
  // pane has painted, and a newer ticket text or article set cancels an older run.
  const [found, setFound] = useState<{ for: string; list: Suggestion[] } | null>(null);
  const forKey = `${desk}\n${subject}\n${description}`;
  useEffect(() => {
    if (!articles) return;
    let cancelled = false;
    void suggestArticlesInChunks(articles, { desk, subject, description }, 5, () => cancelled).then((list) => {
      if (list) setFound({ for: `${desk}\n${subject}\n${description}`, list });
    });
    return () => {
      cancelled = true;
    };
  }, [articles, desk, subject, description]);
  const suggestions = found?.for === forKey ? found.list : [];
  const searching = articles === undefined || found?.for !== forKey;

  async function insert(article: Article, text: string) {
    appendToReply(ticket.id, text);
    onInserted?.();
    if (canLink && !ticket.articleIds.includes(article.id)) {
      await action.run(() => change('ticket.linkArticle', { ticketId: ticket.id, articleId: article.id }));
    }
  }

  return (
    <section className="sb-ticket__card sb-kb">
      <h3 className="sb-ticket__section-title">{t('kb.title')}</h3>
      {searching && suggestions.length === 0 ? <p className="sb-ticket__hint" role="status">{t('kb.searching')}</p> : null}
      {!searching && suggestions.length === 0 ? <p className="sb-ticket__hint">{t('kb.none')}</p> : null}
      {suggestions.length > 0 ? (
        <ul className="sb-kb__list">
          {suggestions.map(({ article }) => {
            const excerpt = firstParagraph(article.body);
            return (
              <li key={article.id} className="sb-kb__item">
                <span className="sb-kb__title">{article.title}</span>{' '}
                <span className="sb-kb__lang">({article.language})</span>
                {ticket.articleIds.includes(article.id) ? <span className="sb-badge sb-badge--linked"> {t('kb.linkedBadge')}</span> : null}
                <div className="sb-kb__actions">
                  <button type="button" aria-label={t('kb.insertLinkTo', { title: article.title })} onClick={() => insert(article, articleLink(article))}>
                    {t('kb.insertLink')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('kb.insertExcerptFrom', { title: article.title })}
                    disabled={!excerpt}
                    onClick={() => insert(article, excerpt)}
                  >
                    {t('kb.insertExcerpt')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {linked.length > 0 ? (
        <>
          <h4 className="sb-kb__subtitle">{t('kb.linked')}</h4>
          <ul className="sb-kb__linked">
            {linked.map((a) => <li key={a.id}>{a.title}</li>)}
          </ul>
        </>
      ) : null}
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </section>
  );
}
