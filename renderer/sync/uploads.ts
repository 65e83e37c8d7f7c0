// Attachment bytes wait in the cache as Blobs until their `attachment.add` has reached the server; then
// they are uploaded and dropped locally. A failed upload keeps the Blob for the next round.
import type { CacheDb } from '../db/cache-db';
import type { SyncApi } from './api';

export async function uploadPendingBlobs(db: CacheDb, api: SyncApi): Promise<number> {
  const waiting = await db.blobs.toArray();
  if (waiting.length === 0) return 0;
  const unsent = new Set(
    (await db.outbox.where('state').equals('pending').toArray())
      .filter((e) => e.name === 'attachment.add')
      .map((e) => (e.args as { id: string }).id),
  );
  let uploaded = 0;
  for (const { id, blob } of waiting) {
    if (unsent.has(id)) continue; // the server does not know the attachment yet
    const attachment = await db.attachments.get(id);
    if (!attachment) continue;
    if (!attachment.uploaded) await api.putAttachment(id, blob, attachment.mediaType);
    await db.blobs.delete(id);
    uploaded++;
  }
  return uploaded;
}
