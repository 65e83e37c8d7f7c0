// The refresh token at rest. It is written only as safeStorage ciphertext, and only when that
// encryption really protects it: where encryption is unavailable, or Linux fell back to the
// 'basic_text' backend (a hard-coded key), the token lives in memory only and the user signs in on
// each start. The status says why, so the console can tell the user.
import type { SecureStorageStatus } from '../../../shared/ipc/contract';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** The file holding the ciphertext (injected: a real file in the app, memory in tests). */
export interface SecretFile {
  read(): Uint8Array | null;
  write(data: Uint8Array): void;
  remove(): void;
}

export interface SecretStore {
  status(): SecureStorageStatus;
  /** Keeps the token; returns whether it was also persisted (encrypted). */
  save(token: string): boolean;
  load(): string | null;
  isPersisted(): boolean;
  clear(): void;
}

export function secureStorageStatus(safeStorage: SafeStorageLike, platform: string): SecureStorageStatus {
  let available: boolean;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) return { available: false, reason: 'encryption_unavailable' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text') return { available: false, reason: 'basic_text_backend' };
    if (backend === 'unknown') return { available: false, reason: 'backend_unknown' };
  }
  return { available: true, reason: 'available' };
}

export function createSecretStore(
  safeStorage: SafeStorageLike,
  platform: string,
  file: SecretFile,
  log: (message: string) => void = () => {},
): SecretStore {
  let memory: string | null = null;
  let persisted = false;
  let loaded = false;

  const status = () => secureStorageStatus(safeStorage, platform);

  const forgetFile = () => {
    try {
      file.remove();
    } catch (error) {
      log(`could not remove the stored session (${String(error)})`);
    }
    persisted = false;
  };

  return {
    status,
    save(token) {
      memory = token;
      loaded = true;
      if (!status().available) {
        // Never leave an older ciphertext behind that no longer matches the session.
        forgetFile();
        return false;
      }
      try {
        const cipher = safeStorage.encryptString(token);
        file.write(cipher);
        persisted = true;
      } catch (error) {
        log(`could not persist the session (${String(error)})`);
        forgetFile();
      }
      return persisted;
    },
    load() {
      if (loaded) return memory;
      loaded = true;
      if (!status().available) return null;
      let cipher: Uint8Array | null;
      try {
        cipher = file.read();
      } catch {
        cipher = null;
      }
      if (cipher === null || cipher.length === 0) return null;
      try {
        memory = safeStorage.decryptString(Buffer.from(cipher));
        persisted = true;
      } catch (error) {
        log(`stored session could not be decrypted and was discarded (${String(error)})`);
        forgetFile();
        memory = null;
      }
      return memory;
    },
    isPersisted: () => persisted,
    clear() {
      memory = null;
      loaded = true;
      forgetFile();
    },
  };
}
