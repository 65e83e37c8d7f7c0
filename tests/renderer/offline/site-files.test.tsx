// Photos and files from site: the bytes are kept in the cache (db.blobs) and attachment.add is queued with
// their SHA-256; the file is listed as kept on this device until uploaded.
import { createHash } from 'node:crypto';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredBlob } from '../../../renderer/db/cache-db';
import { openTicketsOf, pendingMutations, renderPane, resetStores, siteCard, techConsole } from './field-fixture';

describe('files from site', () => {
  beforeEach(resetStores);

  it('stores the picked file as a Blob and queues attachment.add', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await techConsole();
    const [ticket] = openTicketsOf(demo.tickets, actor.id);
    // fake-indexeddb clones with Node's structuredClone, which cannot read jsdom's Blob back; a real browser
    // stores it whole. So what is handed to the cache is checked here, and the row's presence below.
    const stored: StoredBlob[] = [];
    const put = db.blobs.put.bind(db.blobs);
    vi.spyOn(db.blobs, 'put').mockImplementation((row, key) => {
      stored.push(row);
      return put(row, key);
    });
    const { pane } = await renderPane(services);
    const card = await siteCard(pane, ticket!);

    const photo = within(card).getByLabelText('Take a photo');
    expect(photo.getAttribute('accept')).toBe('image/*');
    expect(photo.hasAttribute('capture')).toBe(true);
    const input = within(card).getByLabelText('Attach files');
    expect(input.getAttribute('accept')).toMatch(/^image\/\*,/);

    const bytes = 'PNG? no: a scanned delivery note\n';
    const file = new File([bytes], 'delivery-note.txt', { type: 'text/plain' });
    await user.upload(input, file);

    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(1));
    const [entry] = await pendingMutations(services);
    const args = entry?.args as { id: string };
    expect(entry?.name).toBe('attachment.add');
    expect(args).toEqual({
      id: args.id, ticketId: ticket!.id, fileName: 'delivery-note.txt', mediaType: 'text/plain', size: Buffer.byteLength(bytes),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(args.id);
    expect(stored[0]?.blob).toBeInstanceOf(Blob);
    expect(await stored[0]!.blob.text()).toBe(bytes);
    expect(await db.blobs.get(args.id)).toBeTruthy();

    const waiting = await within(card).findByRole('list', { name: 'Files waiting to upload' });
    expect(within(waiting).getByText('delivery-note.txt')).toBeTruthy();
    expect(within(waiting).getByText(/kept on this device until uploaded/)).toBeTruthy();
  });

  it('refuses a file over the size limit without queueing anything', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await techConsole();
    const [ticket] = openTicketsOf(demo.tickets, actor.id);
    const { pane } = await renderPane(services);
    const card = await siteCard(pane, ticket!);
    const big = new File(['x'], 'panorama.jpg', { type: 'image/jpeg' });
    Object.defineProperty(big, 'size', { value: 26 * 1024 * 1024 });
    await user.upload(within(card).getByLabelText('Take a photo'), big);
    expect(await within(card).findByRole('alert')).toHaveProperty('textContent', 'panorama.jpg is larger than 25 MB.');
    expect(await pendingMutations(services)).toHaveLength(0);
    expect(await db.blobs.count()).toBe(0);
  });
});
