// Markdown from tickets and articles, rendered and then sanitized: a script, an event handler or a
// javascript: link in a body never runs. Web links open outside the console; `kb:<id>` links (the
// knowledge base's own) open the article in the knowledge-base pane.
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo, type MouseEvent } from 'react';
import { openArticleInKb } from '../kb/kb-store';

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|kb:|#)/i,
  });
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href') ?? '';
    if (href.startsWith('kb:')) {
      event.preventDefault();
      openArticleInKb(href.slice(3));
    }
  };
  // Safe: the HTML above is sanitized by DOMPurify with a closed list of URL schemes.
  return <div className={className ?? 'markdown'} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
