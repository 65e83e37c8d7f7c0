// What this agent may do with an article, by the same rules the server enforces (shared/rules).
import { checkArticleEdit, mayRun, maySeeDesk } from '../../shared/rules/permissions';
import type { Agent, Article } from '../../shared/schemas/entities';

export const ARTICLE_DESKS = ['service', 'help', 'both'] as const;

export const mayCreateArticle = (actor: Agent) => mayRun(actor, 'article.save') && editableDesks(actor).length > 0;

/** Agents edit drafts; supervisors and admins any article; always only on desks they work. */
export const mayEditArticle = (actor: Agent, article: Article) =>
  mayRun(actor, 'article.save') && maySeeDesk(actor, article.desk) && checkArticleEdit(actor, article) === null;

/** Publishing, archiving and taking back to draft. */
export const mayChangeState = (actor: Agent, article: Article) => mayRun(actor, 'article.setState') && maySeeDesk(actor, article.desk);

/** The desk scopes this agent may save an article under. */
export const editableDesks = (actor: Agent) => ARTICLE_DESKS.filter((d) => maySeeDesk(actor, d));
