// The editor's form as plain data: what it starts from, what makes it invalid (the limits of the
// `article.save` schema, checked here so the agent sees which field to fix) and the change it queues.
import type { ArgsOf } from '../../shared/protocol/mutations';
import type { Agent, Article } from '../../shared/schemas/entities';
import { desksOf } from '../../shared/rules/permissions';
import { editableDesks } from './article-permissions';

export type ArticleDraft = {
  title: string;
  body: string;
  desk: Article['desk'];
  language: Article['language'];
  category: string;
  /** Comma-separated, as typed. */
  tags: string;
};

export type DraftField = keyof ArticleDraft;
/** Message keys (namespace "kb") by field. */
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftOf(article: Article | null, actor: Agent, uiLanguage: string): ArticleDraft {
  if (article) {
    return { title: article.title, body: article.body, desk: article.desk, language: article.language, category: article.category ?? '', tags: article.tags.join(', ') };
  }
  const desks = editableDesks(actor);
  const own = desksOf(actor);
  const desk = own.length > 1 && desks.includes('both') ? 'both' : (desks.find((d) => d === own[0]) ?? desks[0] ?? 'both');
  return { title: '', body: '', desk, language: uiLanguage.startsWith('cs') ? 'cs' : 'en', category: '', tags: '' };
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t.length > 0))];
}

export function validateDraft(d: ArticleDraft): DraftErrors {
  const errors: DraftErrors = {};
  const title = d.title.trim();
  if (title === '') errors.title = 'editor.error.titleRequired';
  else if (title.length > 300) errors.title = 'editor.error.titleLong';
  if (d.body.length > 100_000) errors.body = 'editor.error.bodyLong';
  if (d.category.trim().length > 100) errors.category = 'editor.error.categoryLong';
  const tags = parseTags(d.tags);
  if (tags.length > 30) errors.tags = 'editor.error.tooManyTags';
  else if (tags.some((t) => t.length > 50)) errors.tags = 'editor.error.tagLong';
  return errors;
}

export function saveArgs(d: ArticleDraft, id: string, baseVersion: number | null): ArgsOf<'article.save'> {
  const category = d.category.trim();
  return {
    id,
    baseVersion,
    title: d.title.trim(),
    body: d.body,
    desk: d.desk,
    language: d.language,
    ...(category ? { category } : {}),
    tags: parseTags(d.tags),
  };
}
