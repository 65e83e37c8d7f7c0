// One article: its facts, the rendered (sanitized) body, inserting it into a reply, editing and
// publishing for those allowed. Opening it moves focus to its title, so screen readers announce it.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { formatDateTime } from '../i18n/format';
import { Markdown } from '../markdown/Markdown';
import { mayEditArticle } from './article-permissions';
import { InsertActions } from './InsertActions';
import { useKbStore } from './kb-store';
import { StateActions } from './StateActions';
import { useArticle } from './use-article';

/** A body that opens by repeating the title as a heading shows it once, above, not twice. */
export function withoutTitleHeading(body: string, title: string): string {
  const match = /^\s*#\s+(.+?)\s*#*\s*(?:\n|$)/.exec(body);
  return match && match[1] === title.trim() ? body.slice(match[0].length) : body;
}

export function ArticleView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation('kb');
  const article = useArticle(id);
  return (
    <div className="sb-kbpane__view">
      <button type="button" className="sb-kbpane__back" onClick={onBack}>
        {t('article.back')}
      </button>
      {article === undefined ? <p className="sb-kbpane__hint">{t('loading')}</p> : null}
      {article === null ? <p role="alert" className="sb-kbpane__hint">{t('article.missing')}</p> : null}
      {article ? <ArticleBody article={article} /> : null}
    </div>
  );
}

function ArticleBody({ article }: { article: Article }) {
  const { t, i18n } = useTranslation('kb');
  const { actor } = useConsole();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [article.id]);

  return (
    <article aria-labelledby={headingId} className="sb-kbpane__article" lang={article.language}>
      <h3 id={headingId} ref={heading} tabIndex={-1} className="sb-kbpane__title">{article.title}</h3>
      <dl className="sb-kbpane__facts" lang={i18n.language}>
        <dt>{t('article.desk')}</dt>
        <dd>{t(`desk.${article.desk}`)}</dd>
        <dt>{t('article.language')}</dt>
        <dd>{t(`language.${article.language}`)}</dd>
        {article.category ? (
          <>
            <dt>{t('article.category')}</dt>
            <dd>{article.category}</dd>
          </>
        ) : null}
        <dt>{t('article.state')}</dt>
        <dd>{t(`state.${article.state}`)}</dd>
        <dt>{t('article.version')}</dt>
        <dd>{t('article.versionValue', { version: article.version, date: formatDateTime(article.updatedAt, i18n.language) })}</dd>
        {article.tags.length > 0 ? (
          <>
            <dt>{t('article.tags')}</dt>
            <dd>{article.tags.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <div className="sb-kbpane__toolbar" lang={i18n.language}>
        <InsertActions article={article} />
        {mayEditArticle(actor, article) ? (
          <button type="button" onClick={() => useKbStore.getState().show({ kind: 'edit', id: article.id })}>
            {t('article.edit')}
          </button>
        ) : null}
        <StateActions article={article} />
      </div>
      <Markdown source={withoutTitleHeading(article.body, article.title)} className="markdown sb-kbpane__body" />
    </article>
  );
}
