// Searching in the pane: results as you type, by keyboard and by filters, in English and Czech.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchCommand, useUiStore } from '../../../renderer/app/ui-store';
import { i18next } from '../../../renderer/i18n';
import { openKb, resetStores, resultOptions, resultTitles } from './kb-fixture';

describe('knowledge base search', () => {
  beforeEach(resetStores);

  it('finds "Tiskárna netiskne" first as `tiskarna` is typed, and opens it with Enter', async () => {
    const user = userEvent.setup();
    const { pane, search } = await openKb();
    await user.type(search, 'tiskarna');
    await waitFor(() => expect(resultTitles(pane)[0]).toBe('Tiskárna netiskne'));
    expect(within(pane).getByRole('status').textContent).toMatch(/^\d+ articles?$/);

    await user.keyboard('{Enter}');
    const heading = await within(pane).findByRole('heading', { name: 'Tiskárna netiskne' });
    expect(document.activeElement).toBe(heading);
    // The body is rendered Markdown: its steps are a list.
    expect(within(pane).getByRole('article').querySelector('ol li')?.textContent).toContain('displej tiskárny');
  });

  it('moves through the results with the arrow keys and j/k, and goes back with Esc', async () => {
    const user = userEvent.setup();
    const { pane, search } = await openKb();
    await user.type(search, 'vpn');
    await waitFor(() => expect(resultTitles(pane).length).toBeGreaterThan(1));
    const options = resultOptions(pane);
    expect(search.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowDown}');
    expect(search.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{ArrowUp}');
    expect(search.getAttribute('aria-activedescendant')).toBe(options[0]!.id);

    // Commands from the console's shortcuts act on the pane that has the keyboard.
    act(() => dispatchCommand('next'));
    expect(search.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    const second = resultTitles(pane)[1]!;
    act(() => dispatchCommand('open'));
    const heading = await within(pane).findByRole('heading', { name: second });
    // Opening takes the keyboard to the article's title (an effect after the article has loaded).
    await waitFor(() => expect(document.activeElement).toBe(heading));
    act(() => dispatchCommand('close'));
    await waitFor(() => expect(within(pane).queryByRole('listbox')).not.toBeNull());
    expect(document.activeElement).toBe(search);

    // Not while another pane has the keyboard.
    useUiStore.setState({ focusedPane: 'service' });
    act(() => dispatchCommand('open'));
    expect(within(pane).queryByRole('article')).toBeNull();
  });

  it('focuses the search field on `/` when the pane has the keyboard', async () => {
    const { search } = await openKb();
    expect(document.activeElement).not.toBe(search);
    act(() => dispatchCommand('search'));
    expect(document.activeElement).toBe(search);
  });

  it('searches without diacritics and with them, in either direction', async () => {
    const user = userEvent.setup();
    const { pane, search } = await openKb();
    await user.type(search, 'prihlaseni');
    await waitFor(() => expect(resultTitles(pane)[0]).toBe('SAP: přihlášení a zamčený uživatel'));
    await user.clear(search);
    await user.type(search, 'PŘIHLÁŠENÍ');
    await waitFor(() => expect(resultTitles(pane)[0]).toBe('SAP: přihlášení a zamčený uživatel'));
  });

  it('filters by language, desk, category and state, showing published articles by default', async () => {
    const user = userEvent.setup();
    const { pane, search, demo } = await openKb();
    const published = demo.articles.filter((a) => a.state === 'published');
    // An empty search lists the newest published articles.
    await waitFor(() => expect(resultTitles(pane)).toHaveLength(published.length));

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Language' }), 'en');
    expect(new Set(resultTitles(pane))).toEqual(new Set(published.filter((a) => a.language === 'en').map((a) => a.title)));

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Desk' }), 'help');
    expect(new Set(resultTitles(pane))).toEqual(new Set(published.filter((a) => a.language === 'en' && a.desk !== 'service').map((a) => a.title)));

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Category' }), 'Metering');
    expect(resultTitles(pane)).toEqual(['Submitting a meter reading']);

    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Desk' }), 'any');
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Category' }), '');
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'State' }), 'draft');
    await user.type(search, 'vpn');
    expect(resultTitles(pane)).toEqual(['VPN keeps disconnecting']);
    expect(resultOptions(pane)[0]!.textContent).toContain('Draft');
  });

  it('says its results are partial while the cache is still loading, and no longer once it has loaded', async () => {
    const user = userEvent.setup();
    const { pane, search, db } = await openKb({ loading: true });
    const status = () => within(pane).getByRole('status').textContent;
    expect(status()).toMatch(/^\d+ articles More may come: the cache is still loading\.$/);
    await user.type(search, 'qqqxyz');
    await waitFor(() => expect(status()).toBe('No articles yet: the cache is still loading.'));

    await act(() => db.meta.put({ key: 'bootstrapped', value: true }));
    await waitFor(() => expect(status()).toBe('No articles match.'));
    await user.clear(search);
    await waitFor(() => expect(status()).toMatch(/^\d+ articles$/));
  });

  it('speaks Czech when the console does', async () => {
    const { pane } = await openKb();
    try {
      await act(() => i18next.changeLanguage('cs'));
      expect(screen.getByRole('region', { name: 'Znalostní báze' })).toBe(pane);
      expect(within(pane).getByRole('combobox', { name: 'Hledat články' })).toBeTruthy();
      expect(within(pane).getByRole('combobox', { name: 'Jazyk' })).toBeTruthy();
      expect(within(pane).getByRole('status').textContent).toMatch(/článk/);
    } finally {
      await act(() => i18next.changeLanguage('en'));
    }
  });
});
