// The status bar as the agent reads it: online or not, the cache's load, the last sync, the counts that
// open the sync panels, and a failed sync explained in the console's language.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusBar, type SyncPanel } from '../../../renderer/app/StatusBar';
import { i18next } from '../../../renderer/i18n';
import { INITIAL_STATUS } from '../../../renderer/sync/status';
import { useSyncStatus } from '../../../renderer/sync/status-store';
import { makeConsole, renderInConsole } from '../console-fixture';

async function renderBar() {
  const console = await makeConsole({ tickets: 10, articles: 1 });
  const opened: SyncPanel[] = [];
  const onRetry = vi.fn();
  renderInConsole(<StatusBar onOpen={(panel) => opened.push(panel)} onRetry={onRetry} />, console.services);
  return { ...console, opened, onRetry, bar: () => screen.getByRole('contentinfo') };
}

describe('the status bar', () => {
  afterEach(() => useSyncStatus.setState({ ...INITIAL_STATUS }));

  it('shows the cache loading with its progress, then the last sync, and opens the panels from its counts', async () => {
    const user = userEvent.setup();
    const { bar, opened, services } = await renderBar();
    act(() => useSyncStatus.setState({ state: 'bootstrapping', progress: { done: 2000, total: 4445 } }));
    expect(within(bar()).getByRole('status').textContent).toBe('loading cache');
    expect(within(bar()).getByRole('progressbar')).toHaveProperty('value', 2000);
    expect(bar().textContent).toContain('not synced yet');
    expect(bar().textContent).toContain('Loading the cache: 2,000 of about 4,445 rows');

    act(() => useSyncStatus.setState({ state: 'idle', progress: null, lastSyncAt: new Date(Date.now() - 3 * 60_000).toISOString() }));
    expect(within(bar()).getByRole('status').textContent).toBe('online');
    expect(bar().textContent).toContain('synced 3 minutes ago');
    expect(within(bar()).queryByRole('progressbar')).toBeNull();

    await services.change('comment.add', { id: services.newId(), ticketId: (await services.db.tickets.toCollection().first())!.id, body: 'Hotovo', visibility: 'internal' });
    await user.click(await within(bar()).findByRole('button', { name: '1 pending' }));
    await user.click(within(bar()).getByRole('button', { name: '0 conflicts' }));
    await user.click(within(bar()).getByRole('button', { name: '0 need attention' }));
    expect(opened).toEqual(['outbox', 'conflicts', 'attention']);
  });

  it('explains a failed sync in words of its own, keeps the raw message as a tooltip, and retries on request', async () => {
    const user = userEvent.setup();
    const { bar, onRetry } = await renderBar();
    act(() => useSyncStatus.setState({ state: 'offline', lastError: { code: 'offline', message: 'Failed to fetch' } }));
    const error = within(bar()).getByText('The server cannot be reached.');
    expect(error.getAttribute('title')).toBe('Failed to fetch');
    expect(bar().textContent).not.toContain('Failed to fetch');
    await user.click(within(bar()).getByRole('button', { name: 'Retry now' }));
    expect(onRetry).toHaveBeenCalledTimes(1);

    act(() => useSyncStatus.setState({ state: 'error', lastError: { code: 'seq_gap', message: 'Expected seq 12, got 14' } }));
    expect(within(bar()).getByRole('status').textContent).toBe('sync error');
    expect(within(bar()).getByText('The server refused to sync (seq_gap).')).toBeTruthy();

    act(() => useSyncStatus.setState({ state: 'idle', lastError: null }));
    expect(within(bar()).queryByRole('button', { name: 'Retry now' })).toBeNull();
  });

  it('speaks Czech, its name for assistive technology included', async () => {
    const { bar } = await renderBar();
    try {
      await act(() => i18next.changeLanguage('cs'));
      act(() => useSyncStatus.setState({ state: 'offline', lastError: { code: 'offline', message: 'Failed to fetch' } }));
      expect(screen.getByRole('contentinfo', { name: 'Stav synchronizace' })).toBe(bar());
      expect(within(bar()).getByText('Server není dostupný.')).toBeTruthy();
      await waitFor(() => expect(within(bar()).getByRole('button', { name: '0 čeká' })).toBeTruthy());
      expect(within(bar()).getByRole('button', { name: 'Zkusit znovu' })).toBeTruthy();
    } finally {
      await act(() => i18next.changeLanguage('en'));
    }
  });
});
