// An article in the pane: inserting it into a reply, editing drafts, publishing for those allowed,
// and a hostile body that must not run.
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../renderer/app/ui-store';
import { useKbStore } from '../../../renderer/kb/kb-store';
import type { Article } from '../../../shared/schemas/entities';
import { openKb, pendingMutations, pick, resetStores } from './kb-fixture';

async function openArticle(pane: HTMLElement, article: Pick<Article, 'id' | 'title'>) {
  useKbStore.getState().show({ kind: 'article', id: article.id });
  await within(pane).findByRole('heading', { name: article.title, level: 3 });
  return within(pane).getByRole('article');
}

describe('an article in the knowledge base pane', () => {
  beforeEach(resetStores);

  it('inserts a link or an excerpt into the reply of the active ticket, and links the article to it', async () => {
    const user = userEvent.setup();
    const { pane, demo, db } = await openKb();
    const printer = pick(demo.articles, (a) => a.title === 'Tiskárna netiskne', 'printer article');
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && !t.articleIds.includes(printer.id), 'open service ticket');
    useUiStore.setState({ activeTicketId: ticket.id });
    const article = await openArticle(pane, printer);

    await waitFor(() => expect(within(article).getByText(`Inserts into the reply of ${ticket.key}.`)).toBeTruthy());
    await user.click(within(article).getByRole('button', { name: 'Insert link' }));
    expect(useUiStore.getState().replyInsert).toMatchObject({ ticketId: ticket.id, text: `[Tiskárna netiskne](kb:${printer.id})` });
    await waitFor(async () => {
      const [link] = await pendingMutations(db);
      expect(link).toMatchObject({ name: 'ticket.linkArticle', args: { ticketId: ticket.id, articleId: printer.id } });
    });

    await user.click(within(article).getByRole('button', { name: 'Insert excerpt' }));
    expect(useUiStore.getState().replyInsert?.text).toBe(
      'Když tiskárna netiskne, bývá příčinou zaseknutá fronta, chybějící papír nebo ztracené síťové spojení. ' +
        'Většinu případů vyřeší uživatel sám během pár minut.\n\n' +
        `[Tiskárna netiskne](kb:${printer.id})`,
    );
    // Linked once: the second insert does not queue another link.
    await waitFor(async () => expect((await pendingMutations(db)).map((m) => m.name)).toEqual(['ticket.linkArticle']));
  });

  it('explains why insert is disabled without an open ticket', async () => {
    const { pane, demo } = await openKb();
    const article = await openArticle(pane, pick(demo.articles, (a) => a.title === 'Tiskárna netiskne', 'printer article'));
    const link = within(article).getByRole('button', { name: 'Insert link' }) as HTMLButtonElement;
    expect(link.disabled).toBe(true);
    expect((within(article).getByRole('button', { name: 'Insert excerpt' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('Open a ticket to insert this article into its reply.');
    expect(useUiStore.getState().replyInsert).toBeNull();
  });

  it('lets an agent edit a draft: article.save carries the version the edit started from', async () => {
    const user = userEvent.setup();
    const { pane, demo, db } = await openKb();
    const draft = pick(demo.articles, (a) => a.state === 'draft' && a.title === 'VPN keeps disconnecting', 'draft article');
    const article = await openArticle(pane, draft);
    // An agent may not publish.
    expect(within(article).queryByRole('group', { name: 'Article state' })).toBeNull();
    await user.click(within(article).getByRole('button', { name: 'Edit' }));

    const form = await within(pane).findByRole('form', { name: `Editing “${draft.title}”` });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    expect((title as HTMLInputElement).value).toBe(draft.title);
    await user.clear(title);
    await user.type(title, 'VPN drops every few minutes');
    const body = within(form).getByRole('textbox', { name: 'Body (Markdown)' });
    await user.clear(body);
    await user.type(body, 'Turn off **power saving**.');
    // The preview follows the body as it is typed.
    await waitFor(() => expect(within(form).getByRole('region', { name: 'Preview' }).querySelector('strong')?.textContent).toBe('power saving'));
    await user.clear(within(form).getByRole('textbox', { name: 'Tags' }));
    await user.type(within(form).getByRole('textbox', { name: 'Tags' }), 'vpn, wifi , vpn');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const [entry] = await pendingMutations(db);
    expect(entry?.name).toBe('article.save');
    expect(entry?.args).toEqual({
      id: draft.id,
      baseVersion: draft.version,
      title: 'VPN drops every few minutes',
      body: 'Turn off **power saving**.',
      desk: draft.desk,
      language: draft.language,
      category: draft.category,
      tags: ['vpn', 'wifi'],
    });
    // Back in the article, which shows the saved text at once (the cache applies the change).
    expect(await within(pane).findByRole('heading', { name: 'VPN drops every few minutes', level: 3 })).toBeTruthy();
  });

  it('does not offer an agent to edit a published article', async () => {
    const { pane, demo } = await openKb();
    const article = await openArticle(pane, pick(demo.articles, (a) => a.title === 'Tiskárna netiskne', 'printer article'));
    expect(within(article).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('writes a new article as a draft with no base version, and names the missing title', async () => {
    const user = userEvent.setup();
    const { pane, db } = await openKb();
    await user.click(within(pane).getByRole('button', { name: 'New article' }));
    const form = await within(pane).findByRole('form', { name: 'New article' });
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    const title = within(form).getByRole('textbox', { name: 'Title' });
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('The title is required.');
    expect(await pendingMutations(db)).toEqual([]);

    await user.type(title, 'Čtečka čárových kódů nereaguje');
    await user.type(within(form).getByRole('textbox', { name: 'Body (Markdown)' }), 'Odpojte a znovu připojte čtečku.');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Desk' }), 'service');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'cs');
    await user.type(within(form).getByRole('combobox', { name: 'Category' }), 'Workstations');
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));

    const [entry] = await pendingMutations(db);
    expect(entry?.name).toBe('article.save');
    expect(entry?.args).toMatchObject({ baseVersion: null, title: 'Čtečka čárových kódů nereaguje', desk: 'service', language: 'cs', category: 'Workstations', tags: [] });
    const view = await within(pane).findByRole('article');
    expect(within(view).getByRole('heading', { level: 3 }).textContent).toBe('Čtečka čárových kódů nereaguje');
    expect(view.textContent).toContain('Draft');

    // The index follows: the draft is found among drafts, without diacritics.
    useKbStore.getState().setFilter('state', 'draft');
    useKbStore.getState().setQuery('ctecka');
    await waitFor(() => expect(within(pane).getByRole('listbox').textContent).toContain('Čtečka čárových kódů nereaguje'));
  });

  it('shows Publish, Archive and Back to draft to a supervisor and queues article.setState', async () => {
    const user = userEvent.setup();
    const { pane, demo, db } = await openKb({ email: 'supervisor@example.com' });
    const draft = pick(demo.articles, (a) => a.state === 'draft', 'draft article');
    const article = await openArticle(pane, draft);
    const states = within(article).getByRole('group', { name: 'Article state' });
    expect(within(states).getAllByRole('button').map((b) => b.textContent)).toEqual(['Publish', 'Archive']);

    await user.click(within(states).getByRole('button', { name: 'Publish' }));
    const [entry] = await pendingMutations(db);
    expect(entry).toMatchObject({ name: 'article.setState', args: { id: draft.id, state: 'published' } });
    await waitFor(() => expect(within(states).getAllByRole('button').map((b) => b.textContent)).toEqual(['Archive', 'Back to draft']));
    // A supervisor also edits published articles.
    expect(within(article).getByRole('button', { name: 'Edit' })).toBeTruthy();
  });

  it('hides publishing from an agent, who still edits the draft', async () => {
    const { pane, demo } = await openKb();
    const article = await openArticle(pane, pick(demo.articles, (a) => a.state === 'draft', 'draft article'));
    expect(within(article).getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(within(article).queryByRole('group', { name: 'Article state' })).toBeNull();
    expect(within(article).queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(within(article).queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(within(article).queryByRole('button', { name: 'Back to draft' })).toBeNull();
  });

  it('renders a hostile body without running it', async () => {
    const hostile: Article = {
      id: '0196a000-0000-7000-8000-00000000beef',
      title: 'Suspicious article',
      body: 'Hello\n\n<script>window.__kbPwned = true</script>\n\n<img src="x" onerror="window.__kbPwned = true">\n\n[click](javascript:window.__kbPwned=true)',
      desk: 'service',
      language: 'en',
      category: null,
      tags: [],
      state: 'published',
      authorId: null,
      version: 1,
      updatedAt: '2026-11-19T10:00:00.000Z',
    };
    const { pane } = await openKb({ extra: [hostile] });
    const article = await openArticle(pane, hostile);
    expect(article.querySelector('script')).toBeNull();
    expect(article.querySelector('[onerror]')).toBeNull();
    expect(article.querySelector('a[href^="javascript"]')).toBeNull();
    expect(article.textContent).toContain('Hello');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((window as unknown as { __kbPwned?: boolean }).__kbPwned).toBeUndefined();
  });
});
