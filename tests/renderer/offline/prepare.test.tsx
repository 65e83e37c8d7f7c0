// "Prepare for offline": syncs first when online, then reports what the cache holds for my work, what is
// missing and the storage it takes, and records when it was done.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSyncStatus } from '../../../renderer/sync/status-store';
import { FIXTURE_NOW } from '../console-fixture';
import { openTicketsOf, renderPane, resetStores, techConsole } from './field-fixture';

const MIN = 60_000;
const ago = (minutes: number) => new Date(FIXTURE_NOW.getTime() - minutes * MIN).toISOString();

function counts(pane: HTMLElement): Record<string, string> {
  const list = pane.querySelector('dl[aria-label="On this device"]') as HTMLElement;
  return Object.fromEntries([...list.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
}

function attachment(id: string, ticketId: string, createdBy: string, uploaded: boolean) {
  return {
    id, ticketId, fileName: `${id.slice(-4)}.jpg`, mediaType: 'image/jpeg', size: 4096, sha256: 'b'.repeat(64), uploaded, createdBy, createdAt: ago(60),
  };
}

describe('prepare for offline', () => {
  beforeEach(resetStores);
  afterEach(() => {
    delete (navigator as { storage?: unknown }).storage;
  });

  it('syncs first, then reports the counts of my work, "ready", and records the preparation', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await techConsole();
    const mine = openTicketsOf(demo.tickets, actor.id);
    expect(mine.length).toBeGreaterThan(2);
    const other = demo.tickets.find((t) => t.assigneeId !== actor.id)!;
    await db.attachments.bulkPut([
      attachment('0190a000-0000-7000-8000-00000000a001', mine[0]!.id, actor.id, true),
      attachment('0190a000-0000-7000-8000-00000000a002', other.id, actor.id, true),
    ]);
    await db.meta.bulkPut([{ key: 'bootstrapped', value: true }, { key: 'lastSyncAt', value: ago(150) }]);
    // The sync client, as the lead wires it: a round that lands moves lastSyncAt.
    const onRequestSync = vi.fn(() => {
      setTimeout(() => useSyncStatus.setState({ state: 'idle', lastSyncAt: ago(0) }), 10);
    });
    const { pane } = await renderPane(services, { onRequestSync });

    // Before preparing: synced 2½ hours ago is too old to leave with.
    expect(await within(pane).findByText(/^Not ready: last synced 2 hours ago/)).toBeTruthy();
    expect(within(pane).getByText('Not prepared yet.')).toBeTruthy();

    await user.click(within(pane).getByRole('button', { name: 'Prepare for offline' }));
    expect(onRequestSync).toHaveBeenCalledTimes(1);
    await waitFor(async () => expect(await db.getMeta('offline:preparedAt')).toBe(FIXTURE_NOW.toISOString()));
    expect(await within(pane).findByText('Ready for offline — synced now.')).toBeTruthy();

    const ids = new Set(mine.map((t) => t.id));
    expect(counts(pane)).toEqual({
      'My open tickets': String(mine.length),
      'Replies and notes': String(demo.comments.filter((c) => ids.has(c.ticketId)).length),
      'Worklogs': String(demo.worklogs.filter((w) => ids.has(w.ticketId)).length),
      'Attachments (details)': '1',
      'Knowledge-base articles': String(demo.articles.filter((a) => a.state === 'published' && (a.desk === 'service' || a.desk === 'both')).length),
      'Files waiting to upload': '0',
    });
    expect(within(pane).queryByRole('list', { name: 'Missing' })).toBeNull();
    expect(await within(pane).findByText(/^Last prepared /)).toBeTruthy();
    // jsdom has no storage manager: the size comes from the rows themselves.
    expect(within(pane).getByText(/^Your offline set: about [\d.]+ (kB|MB)\.$/)).toBeTruthy();
    expect(within(pane).getByText('This browser cannot make storage persistent.')).toBeTruthy();
  });

  it('reports an unfinished bootstrap and the rows that are missing', async () => {
    const { services, demo, db, actor } = await techConsole();
    const [first, second] = openTicketsOf(demo.tickets, actor.id);
    await db.tickets.update(first!.id, { articleIds: [...first!.articleIds, '0190a000-0000-7000-8000-0000000000ff'] });
    const article = demo.articles.find((a) => a.state === 'published' && a.desk !== 'help')!;
    await db.articles.update(article.id, { body: '' });
    // A file added on site whose bytes are not in db.blobs any more.
    await db.attachments.put(attachment('0190a000-0000-7000-8000-00000000a003', second!.id, actor.id, false));
    const { pane } = await renderPane(services);

    expect(await within(pane).findByText('Not ready: the cache has not finished loading. Stay online until it has.')).toBeTruthy();
    const missing = within(pane).getByRole('list', { name: 'Missing' });
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 article linked from your tickets is not cached.',
      '1 article has no text cached.',
      '1 file added on site is not on this device any more and cannot be uploaded.',
    ]);
  });

  it('does not ask for a sync when offline, and still checks and records', async () => {
    const user = userEvent.setup();
    const { services, db } = await techConsole();
    await db.meta.bulkPut([{ key: 'bootstrapped', value: true }, { key: 'lastSyncAt', value: ago(180) }]);
    act(() => useSyncStatus.setState({ state: 'offline', lastSyncAt: ago(180) }));
    const onRequestSync = vi.fn();
    const { pane } = await renderPane(services, { onRequestSync });
    await user.click(within(pane).getByRole('button', { name: 'Prepare for offline' }));
    expect(await within(pane).findByText('You are offline: this is what the device already holds.')).toBeTruthy();
    expect(onRequestSync).not.toHaveBeenCalled();
    await waitFor(async () => expect(await db.getMeta('offline:preparedAt')).toBe(FIXTURE_NOW.toISOString()));
    expect(within(pane).getByText('Not ready: last synced 3 hours ago. Sync before you leave.')).toBeTruthy();
  });

  it('shows the storage the browser reports and asks for persistent storage', async () => {
    const user = userEvent.setup();
    const persist = vi.fn(async () => true);
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ usage: 1.5 * 1024 ** 2, quota: 2 * 1024 ** 3 }), persist, persisted: async () => false },
    });
    const { services } = await techConsole();
    const { pane } = await renderPane(services);
    expect(await within(pane).findByText('Storage used by the console: 1.5 MB of 2 GB available.')).toBeTruthy();
    expect(await within(pane).findByText(/^Storage is not persistent/)).toBeTruthy();

    await user.click(within(pane).getByRole('button', { name: 'Prepare for offline' }));
    expect(await within(pane).findByText('Storage is persistent: the browser will not clear it to free space.')).toBeTruthy();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
