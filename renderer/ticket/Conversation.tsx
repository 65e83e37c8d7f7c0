// The conversation in time order: the description first, then public replies and internal notes. An
// internal note is marked in words and by style, so no agent mistakes it for what the requester saw.
// Every body is Markdown rendered through the sanitizer: a script in a ticket never runs.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Comment } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { formatDateTime } from '../i18n/format';
import { Markdown } from '../markdown/Markdown';

export function Conversation({ ticket, comments, agents }: {
  ticket: Ticket;
  comments: readonly Comment[] | undefined;
  agents: ReadonlyMap<string, Agent>;
}) {
  const { t, i18n } = useTranslation('ticket');
  const authorOf = (c: Comment) =>
    c.authorId === null ? t('conversation.requester', { name: ticket.requester.name }) : (agents.get(c.authorId)?.name ?? t('header.unknownAgent'));
  return (
    <section className="sb-ticket__conversation">
      <h3 className="sb-ticket__section-title">{t('conversation.title')}</h3>
      <ol className="sb-conversation">
        <li>
          <article className="sb-entry sb-entry--description" aria-label={t('conversation.description')}>
            <header className="sb-entry__meta">
              <span className="sb-entry__kind">{t('conversation.description')}</span>
              <span className="sb-entry__author">{ticket.requester.name}</span>
              <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, i18n.language)}</time>
            </header>
            <Markdown source={ticket.description} className="markdown sb-entry__body" />
          </article>
        </li>
        {(comments ?? []).map((c) => (
          <CommentEntry
            key={c.id}
            comment={c}
            kind={c.visibility === 'internal' ? t('conversation.internal') : t('conversation.public')}
            author={authorOf(c)}
            language={i18n.language}
          />
        ))}
      </ol>
      {comments === undefined ? <p className="sb-ticket__hint">{t('loading')}</p> : null}
    </section>
  );
}

type EntryProps = { comment: Comment; kind: string; author: string; language: string };

/**
 * One reply or note. A new comment re-reads the whole list (fresh objects), so entries compare by what
 * they show: a conversation of hundreds renders just the new one, not every body again.
 */
const CommentEntry = memo(
  function CommentEntry({ comment: c, kind, author, language }: EntryProps) {
    const { t } = useTranslation('ticket');
    return (
      <li>
        <article className={`sb-entry sb-entry--${c.visibility}`} aria-label={t('conversation.entryLabel', { kind, author })}>
          <header className="sb-entry__meta">
            <span className="sb-entry__kind">{kind}</span>
            <span className="sb-entry__author">{author}</span>
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, language)}</time>
          </header>
          <Markdown source={c.body} className="markdown sb-entry__body" />
        </article>
      </li>
    );
  },
  (a: EntryProps, b: EntryProps) =>
    a.kind === b.kind && a.author === b.author && a.language === b.language &&
    a.comment.id === b.comment.id && a.comment.body === b.comment.body && a.comment.visibility === b.comment.visibility && a.comment.createdAt === b.comment.createdAt,
);
