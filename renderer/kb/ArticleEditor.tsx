// Writing an article: title, Markdown body with a live preview, desk, language, category and tags,
// saved through the outbox as `article.save`. An edit carries the version the agent started from, so
// the server can tell a concurrent edit from a stale one; a new article carries none.
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { Markdown } from '../markdown/Markdown';
import { draftOf, saveArgs, validateDraft, type ArticleDraft, type DraftErrors, type DraftField } from './article-form';
import { editableDesks, mayCreateArticle, mayEditArticle } from './article-permissions';
import { useArticle } from './use-article';

export function ArticleEditor({ id, categories, onClose }: { id: string | null; categories: readonly string[]; onClose: (savedId: string | null) => void }) {
  const { t } = useTranslation('kb');
  const { actor } = useConsole();
  const article = useArticle(id);
  if (article === undefined) return <p className="sb-kbpane__hint">{t('loading')}</p>;
  if (id !== null && article === null) return <p role="alert" className="sb-kbpane__hint">{t('article.missing')}</p>;
  const allowed = article ? mayEditArticle(actor, article) : mayCreateArticle(actor);
  if (!allowed) return <p role="alert" className="sb-kbpane__hint">{t('editor.notAllowed')}</p>;
  return <ArticleForm key={id ?? 'new'} original={article} categories={categories} onClose={onClose} />;
}

function ArticleForm({ original, categories, onClose }: { original: Article | null; categories: readonly string[]; onClose: (savedId: string | null) => void }) {
  const { t, i18n } = useTranslation('kb');
  const { actor, change, newId } = useConsole();
  const id = useId();
  // What the agent started from: the base version of the save, fixed when editing began.
  const [start] = useState(() => ({ draft: draftOf(original, actor, i18n.language), baseVersion: original?.version ?? null }));
  const [draft, setDraft] = useState<ArticleDraft>(start.draft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const preview = useDeferredValue(draft.body);
  const desks = editableDesks(actor);
  const movedOn = original !== null && start.baseVersion !== null && original.version !== start.baseVersion;

  const set = <K extends DraftField>(field: K, value: ArticleDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const fieldId = (field: DraftField) => `${id}-${field}`;
  const errorProps = (field: DraftField, hint?: string) => {
    const describedBy = [hint, errors[field] ? `${fieldId(field)}-error` : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': errors[field] ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
  };
  const errorText = (field: DraftField) =>
    errors[field] ? <p id={`${fieldId(field)}-error`} className="sb-kbpane__error">{t(errors[field])}</p> : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(fieldId(Object.keys(found)[0] as DraftField))?.focus();
      return;
    }
    const articleId = original?.id ?? newId();
    setBusy(true);
    setFailed(false);
    try {
      await change('article.save', saveArgs(draft, articleId, start.baseVersion));
      onClose(articleId);
    } catch (error) {
      console.error('The article was not saved', error);
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <form className="sb-kbpane__editor" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-heading`} className="sb-kbpane__title">{original ? t('editor.editTitle', { title: original.title }) : t('editor.newTitle')}</h3>
      {movedOn ? <p role="status" className="sb-kbpane__notice">{t('editor.changedMeanwhile', { from: start.baseVersion, to: original.version })}</p> : null}
      <div className="sb-kbpane__field">
        <label htmlFor={fieldId('title')}>{t('editor.title')}</label>
        <input id={fieldId('title')} value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={300} required autoFocus {...errorProps('title')} />
        {errorText('title')}
      </div>
      <div className="sb-kbpane__field-row">
        <div className="sb-kbpane__field">
          <label htmlFor={fieldId('desk')}>{t('editor.desk')}</label>
          <select id={fieldId('desk')} value={draft.desk} onChange={(e) => set('desk', e.target.value as ArticleDraft['desk'])}>
            {desks.map((d) => <option key={d} value={d}>{t(`desk.${d}`)}</option>)}
          </select>
        </div>
        <div className="sb-kbpane__field">
          <label htmlFor={fieldId('language')}>{t('editor.language')}</label>
          <select id={fieldId('language')} value={draft.language} onChange={(e) => set('language', e.target.value as ArticleDraft['language'])}>
            <option value="cs">{t('language.cs')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </div>
      </div>
      <div className="sb-kbpane__field-row">
        <div className="sb-kbpane__field">
          <label htmlFor={fieldId('category')}>{t('editor.category')}</label>
          <input id={fieldId('category')} list={`${id}-categories`} value={draft.category} onChange={(e) => set('category', e.target.value)} {...errorProps('category')} />
          <datalist id={`${id}-categories`}>
            {categories.map((c) => <option key={c} value={c} />)}
          </datalist>
          {errorText('category')}
        </div>
        <div className="sb-kbpane__field">
          <label htmlFor={fieldId('tags')}>{t('editor.tags')}</label>
          <input id={fieldId('tags')} value={draft.tags} onChange={(e) => set('tags', e.target.value)} {...errorProps('tags', `${id}-tags-hint`)} />
          <p id={`${id}-tags-hint`} className="sb-kbpane__hint">{t('editor.tagsHint')}</p>
          {errorText('tags')}
        </div>
      </div>
      <div className="sb-kbpane__compose">
        <div className="sb-kbpane__field">
          <label htmlFor={fieldId('body')}>{t('editor.body')}</label>
          <textarea id={fieldId('body')} value={draft.body} onChange={(e) => set('body', e.target.value)} rows={14} {...errorProps('body')} />
          {errorText('body')}
        </div>
        <section className="sb-kbpane__preview" aria-label={t('editor.preview')}>
          <h4 className="sb-kbpane__preview-title" aria-hidden="true">{t('editor.preview')}</h4>
          <Markdown source={preview} className="markdown sb-kbpane__body" />
        </section>
      </div>
      {failed ? <p role="alert" className="sb-kbpane__error">{t('error.notSaved')}</p> : null}
      <div className="sb-kbpane__form-actions">
        <button type="submit" disabled={busy}>{original ? t('editor.save') : t('editor.create')}</button>
        <button type="button" onClick={() => onClose(null)}>{t('editor.cancel')}</button>
      </div>
      {original === null ? <p className="sb-kbpane__hint">{t('editor.newIsDraft')}</p> : null}
    </form>
  );
}
