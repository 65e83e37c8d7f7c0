// Sessions: main keeps the refresh token, the renderer gets short-lived access tokens; rotation is
// single-flight; a refused refresh ends the session, a network failure does not.
import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../electron/main/auth/auth-service';
import { createSecretStore } from '../../electron/main/auth/secret-store';
import { IpcHandlerError } from '../../electron/main/ipc/ipc-error';

/** A tiny in-memory ticket server: login, rotating refresh tokens, logout. */
function fakeServer() {
  const valid = new Set<string>();
  let issued = 0;
  const requests: Array<{ url: string; body: Record<string, unknown> }> = [];
  let offline = false;
  const issue = () => {
    issued += 1;
    const refreshToken = `refresh-${issued}`;
    valid.add(refreshToken);
    return { accessToken: `access-${issued}`, refreshToken, expiresIn: 900 };
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    requests.push({ url, body });
    await Promise.resolve();
    if (offline) throw new TypeError('fetch failed');
    if (url.endsWith('/auth/login')) {
      if (body['password'] !== 'correct horse') return json(401, { error: { code: 'invalid_credentials', message: 'no' } });
      return json(200, { ...issue(), agent: { id: 'a1', name: 'Eva', email: 'eva@example.com', role: 'agent', desks: ['service'] } });
    }
    if (url.endsWith('/auth/refresh')) {
      const token = String(body['refreshToken']);
      if (!valid.delete(token)) return json(401, { error: { code: 'unauthorized', message: 'spent' } });
      return json(200, issue());
    }
    if (url.endsWith('/auth/logout')) {
      valid.delete(String(body['refreshToken']));
      return new Response(null, { status: 204 });
    }
    return json(404, { error: { code: 'not_found', message: '' } });
  };
  return {
    fetch: fetchImpl as typeof fetch,
    requests,
    valid,
    setOffline: (value: boolean) => {
      offline = value;
    },
  };
}

function setup() {
  const server = fakeServer();
  let now = Date.parse('2030-01-01T08:00:00Z');
  const disk: { data: Uint8Array | null } = { data: null };
  const safe = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (cipher: Buffer) => Buffer.from(cipher.toString().slice(4), 'hex').toString(),
  };
  const secrets = createSecretStore(safe, 'linux', {
    read: () => disk.data,
    write: (data) => {
      disk.data = data;
    },
    remove: () => {
      disk.data = null;
    },
  });
  const auth = createAuthService({ secrets, fetch: server.fetch, serverUrl: () => 'https://desk.example.com', now: () => now, log: () => {} });
  return {
    server,
    auth,
    disk,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IpcHandlerError) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('auth service', () => {
  it('login returns an access token and the agent, never the refresh token', async () => {
    const { auth } = setup();
    const answer = await auth.login('eva@example.com', 'correct horse');
    expect(answer.accessToken.accessToken).toBe('access-1');
    expect(answer.agent).toMatchObject({ id: 'a1', email: 'eva@example.com' });
    expect(answer.auth).toEqual({ signedIn: true, persisted: true, secureStorage: { available: true, reason: 'available' } });
    expect(JSON.stringify(answer)).not.toContain('refresh-1');
  });

  it('wrong credentials are unauthorized with the server’s reason', async () => {
    const { auth } = setup();
    await expect(auth.login('eva@example.com', 'nope')).rejects.toMatchObject({ code: 'unauthorized', message: 'invalid_credentials' });
    expect(auth.status().signedIn).toBe(false);
  });

  it('hands out the cached access token until it nears expiry, then refreshes with the rotated token', async () => {
    const { auth, server, advance } = setup();
    await auth.login('eva@example.com', 'correct horse');
    expect((await auth.getAccessToken()).accessToken).toBe('access-1');
    expect(server.requests).toHaveLength(1);
    advance(850_000); // 50 s left of 900 s: inside the margin
    expect((await auth.getAccessToken()).accessToken).toBe('access-2');
    advance(850_000);
    expect((await auth.getAccessToken()).accessToken).toBe('access-3');
    expect(server.requests.map((r) => r.body['refreshToken'])).toEqual([undefined, 'refresh-1', 'refresh-2']);
  });

  it('parallel requests share one refresh, so a rotating token is never spent twice', async () => {
    const { auth, server, advance } = setup();
    await auth.login('eva@example.com', 'correct horse');
    advance(900_000);
    const tokens = await Promise.all([auth.getAccessToken(), auth.getAccessToken(), auth.getAccessToken()]);
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['access-2']));
    expect(server.requests.filter((r) => r.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(auth.status().signedIn).toBe(true);
  });

  it('a refused refresh ends the session; a network failure keeps it for later', async () => {
    const { auth, server, advance } = setup();
    await auth.login('eva@example.com', 'correct horse');
    advance(900_000);
    server.setOffline(true);
    expect(await errorCode(auth.getAccessToken())).toBe('unavailable');
    expect(auth.status().signedIn).toBe(true);
    server.setOffline(false);
    server.valid.clear(); // the server revoked the session meanwhile
    expect(await errorCode(auth.getAccessToken())).toBe('unauthorized');
    expect(auth.status().signedIn).toBe(false);
  });

  it('without a session, getAccessToken is unauthorized and nothing is sent', async () => {
    const { auth, server } = setup();
    expect(await errorCode(auth.getAccessToken())).toBe('unauthorized');
    expect(server.requests).toEqual([]);
  });

  it('a stored refresh token is used for the next access token, and survives a restart only as ciphertext', async () => {
    const { auth, server, disk } = setup();
    server.valid.add('refresh-from-renderer');
    expect(auth.storeRefreshToken('refresh-from-renderer').persisted).toBe(true);
    expect(Buffer.from(disk.data ?? []).toString()).not.toContain('refresh-from-renderer');
    expect((await auth.getAccessToken()).accessToken).toBe('access-1');
  });

  it('logout revokes on the server and forgets locally, even offline', async () => {
    const { auth, server, disk } = setup();
    await auth.login('eva@example.com', 'correct horse');
    await auth.logout();
    expect(server.valid.size).toBe(0);
    expect(disk.data).toBeNull();
    expect(auth.status().signedIn).toBe(false);

    await auth.login('eva@example.com', 'correct horse');
    server.setOffline(true);
    await auth.logout();
    expect(auth.status().signedIn).toBe(false);
    expect(disk.data).toBeNull();
  });
});
