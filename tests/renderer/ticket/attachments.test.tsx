// Picking a file keeps its bytes in the cache and queues attachment.add with the SHA-256 of the bytes.
import { createHash } from 'node:crypto';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredBlob } from '../../../renderer/db/cache-db';
import { makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

function attachments(pane: HTMLElement): HTMLElement {
  return within(pane).getByRole('heading', { name: 'Attachments' }).closest('section') as HTMLElement;
}

describe('attachments', () => {
  beforeEach(resetStores);

  it('stores the picked file as a Blob and queues attachment.add with its sha256', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open', 'open service ticket');
    // fake-indexeddb clones with Node's structuredClone, which cannot read jsdom's Blob back; a real
    // browser stores it whole. So what is handed to the cache is checked here, and the row's presence below.
    const stored: StoredBlob[] = [];
    const put = db.blobs.put.bind(db.blobs);
    vi.spyOn(db.blobs, 'put').mockImplementation((row, key) => {
      stored.push(row);
      return put(row, key);
    });
    const { pane } = await openPane(ticket, services);

    const bytes = 'Error 49.4C02 on PRN-PHA-3NP-01\n';
    const file = new File([bytes], 'printer-display.txt', { type: 'text/plain' });
    await user.upload(within(attachments(pane)).getByLabelText('Attach files'), file);

    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(1));
    const [entry] = await pendingMutations(services);
    const args = entry?.args as { id: string };
    expect(entry?.name).toBe('attachment.add');
    expect(args).toEqual({
      id: args.id,
      ticketId: ticket.id,
      fileName: 'printer-display.txt',
      mediaType: 'text/plain',
      size: Buffer.byteLength(bytes),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(args.id);
    expect(stored[0]?.blob).toBeInstanceOf(Blob);
    expect(await stored[0]!.blob.text()).toBe(bytes);
    expect(await db.blobs.get(args.id)).toBeTruthy();

    await within(attachments(pane)).findByText('printer-display.txt');
    expect(within(attachments(pane)).getByText('waiting to upload')).toBeTruthy();
  });

  it('lists attachments already uploaded', async () => {
    const { services, demo, db, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    await db.attachments.put({
      id: '0190a000-0000-7000-8000-0000000000bb', ticketId: ticket.id, fileName: 'screenshot.png', mediaType: 'image/png',
      size: 2048, sha256: 'a'.repeat(64), uploaded: true, createdBy: actor.id, createdAt: '2026-11-20T09:00:00.000Z',
    });
    const { pane } = await openPane(ticket, services);
    const item = (await within(attachments(pane)).findByText('screenshot.png')).closest('li') as HTMLElement;
    expect(within(item).getByText('uploaded')).toBeTruthy();
    expect(within(item).getByText('2 kB')).toBeTruthy();
  });
});
