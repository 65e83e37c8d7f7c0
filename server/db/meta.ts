// Per-database facts made on first start: the epoch that prefixes every cursor (a new database expires
// old cursors) and the secret that signs access tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from './database';

export async function readMeta(db: Database): Promise<{ epoch: string; tokenSecret: string }> {
  await db.query(
    `INSERT INTO meta (key, value) VALUES ('epoch', $1), ('token_secret', $2) ON CONFLICT (key) DO NOTHING`,
    [randomUUID().slice(0, 8), randomBytes(32).toString('base64url')],
  );
  const rows = await db.query<{ key: string; value: string }>('SELECT key, value FROM meta');
  const value = (key: string) => rows.find((r) => r.key === key)?.value ?? '';
  return { epoch: value('epoch'), tokenSecret: value('token_secret') };
}
