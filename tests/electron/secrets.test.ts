// The refresh token at rest: only ciphertext on disk, and nothing on disk when encryption is not real.
import { describe, expect, it } from 'vitest';
import { createSecretStore, secureStorageStatus } from '../../electron/main/auth/secret-store';
import type { SafeStorageLike } from '../../electron/main/auth/secret-store';

const TOKEN = 'rt_9f8e7d6c5b4a-refresh-token-value';

/** A reversible stand-in cipher (XOR with a key, plus a header) so plaintext on disk would be visible. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const key = 0x5a;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((byte) => byte ^ key)]),
    decryptString: (cipher) => {
      if (cipher.subarray(0, 3).toString() !== 'v10') throw new Error('not ours');
      return Buffer.from(cipher.subarray(3).map((byte) => byte ^ key)).toString('utf8');
    },
  };
}

function memoryFile() {
  const state: { data: Uint8Array | null; writes: Uint8Array[] } = { data: null, writes: [] };
  return {
    state,
    file: {
      read: () => state.data,
      write: (data: Uint8Array) => {
        state.data = Uint8Array.from(data);
        state.writes.push(Uint8Array.from(data));
      },
      remove: () => {
        state.data = null;
      },
    },
  };
}

describe('secret store', () => {
  it('writes only ciphertext, and a fresh start reads the token back', () => {
    const safe = fakeSafeStorage();
    const { state, file } = memoryFile();
    const store = createSecretStore(safe, 'linux', file);
    expect(store.save(TOKEN)).toBe(true);
    expect(state.writes).toHaveLength(1);
    for (const written of state.writes) {
      const text = Buffer.from(written).toString('latin1');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('refresh-token');
      expect(Buffer.from(written).toString('base64')).not.toContain(Buffer.from(TOKEN).toString('base64'));
    }
    const restarted = createSecretStore(safe, 'linux', file);
    expect(restarted.load()).toBe(TOKEN);
    expect(restarted.isPersisted()).toBe(true);
  });

  it('refuses to persist when encryption is unavailable, keeps the session in memory, and says why', () => {
    const { state, file } = memoryFile();
    const store = createSecretStore(fakeSafeStorage({ available: false }), 'win32', file);
    expect(store.save(TOKEN)).toBe(false);
    expect(state.writes).toEqual([]);
    expect(store.load()).toBe(TOKEN);
    expect(store.status()).toEqual({ available: false, reason: 'encryption_unavailable' });
  });

  it('refuses to persist on Linux with the basic_text backend (a hard-coded key is no protection)', () => {
    const { state, file } = memoryFile();
    const store = createSecretStore(fakeSafeStorage({ backend: 'basic_text' }), 'linux', file);
    expect(store.save(TOKEN)).toBe(false);
    expect(state.writes).toEqual([]);
    expect(store.status()).toEqual({ available: false, reason: 'basic_text_backend' });
    // …and a token persisted earlier under a real backend is not read back through it.
    expect(createSecretStore(fakeSafeStorage({ backend: 'basic_text' }), 'linux', { ...file, read: () => Buffer.from('v10xyz') }).load()).toBeNull();
  });

  it('the backend question is Linux-only', () => {
    expect(secureStorageStatus(fakeSafeStorage({ backend: 'basic_text' }), 'darwin')).toEqual({ available: true, reason: 'available' });
    expect(secureStorageStatus(fakeSafeStorage({ backend: 'kwallet6' }), 'linux')).toEqual({ available: true, reason: 'available' });
  });

  it('a stored token that cannot be decrypted is discarded, not crashed on', () => {
    const { state, file } = memoryFile();
    state.data = Buffer.from('garbage that is not ciphertext');
    const store = createSecretStore(fakeSafeStorage(), 'darwin', file);
    expect(store.load()).toBeNull();
    expect(state.data).toBeNull();
  });

  it('clear removes the ciphertext', () => {
    const { state, file } = memoryFile();
    const store = createSecretStore(fakeSafeStorage(), 'darwin', file);
    store.save(TOKEN);
    store.clear();
    expect(state.data).toBeNull();
    expect(store.load()).toBeNull();
  });
});
