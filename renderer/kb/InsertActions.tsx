// "Insert link" and "Insert excerpt" put the article into the reply of the ticket the agent last
// worked on (ui-store `activeTicketId`), and record the article on that ticket (`ticket.linkArticle`),
// as the ticket's own suggestions do. Without an open ticket the buttons say why they are disabled.
// Only published articles go into replies: a draft is not yet fit for a requester to read.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRun } from '../../shared/rules/permissions';
import type { Article } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { useUiStore } from '../app/ui-store';
import { articleExcerpt, articleLink } from './insert-text';

export function InsertActions({ article }: { article: Article }) {
  const { t } = useTranslation('kb');
  const { db, actor, change } = useConsole();
  const ticketId = useUiStore((s) => s.activeTicketId);
  const ticket = useLiveQuery(async () => (ticketId ? ((await db.tickets.get(ticketId)) ?? null) : null), [db, ticketId]);
  const hintId = useId();
  const [done, setDone] = useState<'link' | 'excerpt' | null>(null);

  const published = article.state === 'published';
  const reason = !ticketId ? t('insert.noTicket') : !published ? t('insert.notPublished') : null;
  const ticketName = ticket?.key ?? t('insert.openTicket');

  async function insert(kind: 'link' | 'excerpt') {
    if (!ticketId || reason) return;
    useUiStore.getState().insertIntoReply(ticketId, kind === 'link' ? articleLink(article) : articleExcerpt(article));
    setDone(kind);
    if (ticket && !ticket.articleIds.includes(article.id) && mayRun(actor, 'ticket.linkArticle')) {
      try {
        await change('ticket.linkArticle', { ticketId, articleId: article.id });
      } catch (error) {
        // The text is in the reply either way; the link is a record, not the agent's work.
        console.error('The article was not linked to the ticket', error);
      }
    }
  }

  return (
    <div role="group" aria-label={t('insert.group')} className="sb-kbpane__insert">
      <button type="button" disabled={reason !== null} aria-describedby={hintId} onClick={() => void insert('link')}>
        {t('insert.link')}
      </button>
      <button type="button" disabled={reason !== null} aria-describedby={hintId} onClick={() => void insert('excerpt')}>
        {t('insert.excerpt')}
      </button>
      <p id={hintId} className="sb-kbpane__hint" aria-live="polite">
        {reason ?? (done ? t(done === 'link' ? 'insert.linkDone' : 'insert.excerptDone', { ticket: ticketName }) : t('insert.target', { ticket: ticketName }))}
      </p>
    </div>
  );
}
