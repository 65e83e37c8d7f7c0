// The on-disk home of the encrypted refresh token: one file, owner-readable only.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretFile } from './secret-store';

export function createSecretFile(path: string): SecretFile {
  return {
    read() {
      try {
        return readFileSync(path);
      } catch {
        return null;
      }
    },
    write(data) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data, { mode: 0o600 });
    },
    remove() {
      rmSync(path, { force: true });
    },
  };
}
