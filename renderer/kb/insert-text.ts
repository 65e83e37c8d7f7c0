// What the knowledge base puts into a reply: a Markdown link with the `kb:` scheme (the console
// resolves it to the article), or the article's first paragraph followed by that link.
import { marked } from 'marked';
import type { Article } from '../../shared/schemas/entities';

export function articleLink(article: Pick<Article, 'id' | 'title'>): string {
  const title = article.title.replace(/([[\]\\])/g, '\\$1');
  return `[${title}](kb:${article.id})`;
}

/** The first paragraph of the body as Markdown (headings, lists and quotes are skipped), or ''. */
export function firstParagraph(body: string): string {
  for (const token of marked.lexer(body, { gfm: true })) {
    if (token.type === 'paragraph') return token.raw.trim();
  }
  return '';
}

export function articleExcerpt(article: Pick<Article, 'id' | 'title' | 'body'>): string {
  const paragraph = firstParagraph(article.body);
  return paragraph ? `${paragraph}\n\n${articleLink(article)}` : articleLink(article);
}
