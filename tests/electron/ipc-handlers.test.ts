// The handlers main registers, run through the real registration with real services (fake network).
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { createAuthService } from '../../electron/main/auth/auth-service';
import { createSecretStore } from '../../electron/main/auth/secret-store';
import { createIpcHandlers } from '../../electron/main/ipc/handlers';
import { registerIpcHandlers } from '../../electron/main/ipc/register';
import { createSettingsStore } from '../../electron/main/settings/settings-store';
import { openExternal } from '../../electron/main/security/open-external';
import { FakeIpcMain, ipcEvent } from './helpers/fakes';

function setup() {
  const requests: string[] = [];
  const opened: string[] = [];
  const badges: unknown[] = [];
  const settings = createSettingsStore({ read: () => undefined, write: () => {} }, () => {});
  const secrets = createSecretStore(
    { isEncryptionAvailable: () => false, encryptString: () => new Uint8Array(), decryptString: () => '' },
    'darwin',
    { read: () => null, write: () => {}, remove: () => {} },
  );
  const auth = createAuthService({
    secrets,
    fetch: (async (url: string, init?: RequestInit) => {
      requests.push(`${String(url)} ${String(init?.body)}`);
      return new Response(JSON.stringify({ accessToken: 'at', refreshToken: 'rt-2', expiresIn: 600 }), { status: 200 });
    }) as typeof fetch,
    serverUrl: () => settings.get().serverUrl,
    now: () => 0,
    log: () => {},
  });
  const ipc = new FakeIpcMain();
  registerIpcHandlers(
    ipc,
    createIpcHandlers({
      settings,
      auth,
      notifier: { show: () => ({ shown: true }) },
      trayBadge: { update: (badge) => badges.push(badge) },
      openExternal: (url) => openExternal(url, async (checked) => void opened.push(checked)),
      onSettingsChanged: () => {},
    }),
    { trustedOrigins: new Set(['app://console']), isConsoleContents: () => true, log: () => {} },
  );
  const call = (channel: string, ...args: unknown[]) => ipc.invoke(channel, ipcEvent(), ...args);
  return { call, requests, opened, badges, ipc };
}

describe('main IPC handlers', () => {
  it('covers every channel of the contract', () => {
    expect([...setup().ipc.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('settings round-trip through IPC', async () => {
    const { call } = setup();
    await call(INVOKE_CHANNELS.setSettings, { language: 'cs', notifications: { slaLeadMinutes: 45 } });
    expect(await call(INVOKE_CHANNELS.getSettings)).toMatchObject({ ok: true, value: { language: 'cs', notifications: { slaLeadMinutes: 45 } } });
  });

  it('changing the server drops the session, so the old server’s token is never sent to the new one', async () => {
    const { call, requests } = setup();
    await call(INVOKE_CHANNELS.storeRefreshToken, { refreshToken: 'rt-for-old-server' });
    expect(await call(INVOKE_CHANNELS.getAuthStatus)).toMatchObject({ ok: true, value: { signedIn: true } });
    await call(INVOKE_CHANNELS.setSettings, { serverUrl: 'https://other.example.com' });
    expect(await call(INVOKE_CHANNELS.getAccessToken)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(requests).toEqual([]);
  });

  it('an access token comes back, the refresh token does not', async () => {
    const { call } = setup();
    await call(INVOKE_CHANNELS.storeRefreshToken, { refreshToken: 'rt-1' });
    const answer = await call(INVOKE_CHANNELS.getAccessToken);
    expect(answer).toMatchObject({ ok: true, value: { accessToken: 'at' } });
    expect(JSON.stringify(answer)).not.toContain('rt-2');
  });

  it('openExternal over IPC opens https and refuses file:', async () => {
    const { call, opened } = setup();
    expect(await call(INVOKE_CHANNELS.openExternal, { url: 'https://kb.example.com/a' })).toEqual({ ok: true, value: { opened: true } });
    expect(await call(INVOKE_CHANNELS.openExternal, { url: 'file:///etc/passwd' })).toEqual({ ok: true, value: { opened: false } });
    expect(opened).toEqual(['https://kb.example.com/a']);
  });

  it('the tray badge receives validated counts', async () => {
    const { call, badges } = setup();
    await call(INVOKE_CHANNELS.setTrayBadge, { openTickets: 4, pendingChanges: 2 });
    expect(badges).toEqual([{ openTickets: 4, pendingChanges: 2 }]);
  });
});
