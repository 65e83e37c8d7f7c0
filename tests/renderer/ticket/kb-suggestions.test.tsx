// Knowledge suggestions: the printer ticket gets the printer article; inserting puts a link or an excerpt
// into the reply and records the article on the ticket with ticket.linkArticle.
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { firstParagraph, suggestArticles } from '../../../renderer/ticket/suggest-articles';
import { makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

function suggestions(pane: HTMLElement): HTMLElement {
  return within(pane).getByRole('heading', { name: 'Suggested articles' }).closest('section') as HTMLElement;
}

describe('knowledge suggestions', () => {
  beforeEach(resetStores);

  it('ranks by shared words regardless of case and diacritics, within the desk, published only', async () => {
    const { demo } = await makeConsole();
    const articles = demo.articles;
    const printer = suggestArticles(articles, { desk: 'service', subject: 'TISKARNA nefunguje', description: 'tiskárna ve 3. patře' });
    expect(printer[0]?.article.title).toBe('Tiskárna netiskne');
    const vpn = suggestArticles(articles, { desk: 'service', subject: 'VPN keeps disconnecting', description: '' });
    // The English VPN article is a draft: not suggested.
    expect(vpn.map((s) => s.article.title)).not.toContain('VPN keeps disconnecting');
    const bill = suggestArticles(articles, { desk: 'help', subject: 'Vyúčtování elektřiny je špatně', description: '' });
    expect(bill[0]?.article.title).toBe('Jak číst vyúčtování elektřiny');
    expect(bill.every((s) => s.article.desk !== 'service')).toBe(true);
    expect(suggestArticles(articles, { desk: 'service', subject: 'printer', description: 'printer printer offline' }, 5).length).toBeLessThanOrEqual(5);
  });

  it('inserts a link into the reply and queues ticket.linkArticle', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status !== 'closed' && /tiskárn/i.test(t.subject) && t.articleIds.length === 0, 'printer ticket');
    const article = demo.articles.find((a) => a.title === 'Tiskárna netiskne')!;
    const { pane } = await openPane(ticket, services);

    const insertLink = await within(suggestions(pane)).findByRole('button', { name: 'Insert link: Tiskárna netiskne' });
    await user.click(insertLink);
    const reply = within(pane).getByLabelText('Reply to the requester') as HTMLTextAreaElement;
    expect(reply.value).toBe(`[Tiskárna netiskne](kb:${article.id})`);
    await waitFor(async () => expect((await pendingMutations(services)).map((e) => [e.name, e.args])).toEqual([
      ['ticket.linkArticle', { ticketId: ticket.id, articleId: article.id }],
    ]));
    expect((await db.tickets.get(ticket.id))?.articleIds).toEqual([article.id]);
    await within(suggestions(pane)).findByText('Linked to this ticket');

    // The excerpt goes after the link; the article is already linked, so nothing more is queued.
    await user.click(within(suggestions(pane)).getByRole('button', { name: 'Insert excerpt: Tiskárna netiskne' }));
    expect(reply.value).toBe(`[Tiskárna netiskne](kb:${article.id})\n\n${firstParagraph(article.body)}`);
    expect(firstParagraph(article.body)).toMatch(/^Když tiskárna netiskne/);
    expect(await pendingMutations(services)).toHaveLength(1);
  });
});
