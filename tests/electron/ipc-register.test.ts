// The IPC registration wrapper: sender checks, argument validation before any handler runs, and the
// {ok, value} / {ok:false, error} envelope.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/settings';
import { IpcHandlerError } from '../../electron/main/ipc/ipc-error';
import { registerIpcHandlers } from '../../electron/main/ipc/register';
import type { IpcHandlers } from '../../electron/main/ipc/register';
import { FakeIpcMain, ipcEvent } from './helpers/fakes';

function handlersWithSpies() {
  const calls: Array<{ channel: string; args: unknown[] }> = [];
  const record =
    <T>(channel: string, value: T) =>
    (...args: unknown[]) => {
      calls.push({ channel, args });
      return value;
    };
  const status = { signedIn: true, persisted: true, secureStorage: { available: true, reason: 'available' as const } };
  const handlers: IpcHandlers = {
    'app:settings:get': record('app:settings:get', DEFAULT_SETTINGS),
    'app:settings:set': record('app:settings:set', DEFAULT_SETTINGS),
    'app:settings:problems': record('app:settings:problems', []),
    'app:auth:login': record('app:auth:login', {
      accessToken: { accessToken: 'a', expiresAt: '2030-01-01T00:00:00.000Z' },
      agent: { id: '1', name: 'A', email: 'a@example.com', role: 'agent' },
      auth: status,
    }),
    'app:auth:storeRefreshToken': record('app:auth:storeRefreshToken', status),
    // A handler that (wrongly) returns more than the contract allows: the refresh token must not leave main.
    'app:auth:getAccessToken': record('app:auth:getAccessToken', {
      accessToken: 'short-lived',
      expiresAt: '2030-01-01T00:00:00.000Z',
      refreshToken: 'must-not-leak',
    }),
    'app:auth:logout': record('app:auth:logout', null),
    'app:auth:status': record('app:auth:status', status),
    'app:notifications:show': record('app:notifications:show', { shown: true }),
    'app:tray:setBadge': record('app:tray:setBadge', null),
    'app:shell:openExternal': record('app:shell:openExternal', { opened: true }),
  };
  return { handlers, calls };
}

describe('IPC registration wrapper', () => {
  let ipc: FakeIpcMain;
  let calls: Array<{ channel: string; args: unknown[] }>;
  const log = vi.fn();

  beforeEach(() => {
    ipc = new FakeIpcMain();
    const built = handlersWithSpies();
    calls = built.calls;
    registerIpcHandlers(ipc, built.handlers, {
      trustedOrigins: new Set(['app://console']),
      isConsoleContents: (id) => id === 1,
      log,
    });
  });

  it('answers a valid call from the console main frame with {ok:true, value}', async () => {
    const answer = await ipc.invoke('app:tray:setBadge', ipcEvent(), { openTickets: 3, pendingChanges: 1 });
    expect(answer).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ channel: 'app:tray:setBadge', args: [{ openTickets: 3, pendingChanges: 1 }] }]);
  });

  it.each([
    ['a foreign origin', ipcEvent({ url: 'https://evil.example.com/' })],
    ['a file: page', ipcEvent({ url: 'file:///tmp/x.html' })],
    ['another app: host', ipcEvent({ url: 'app://other/index.html' })],
    ['a subframe of the console', ipcEvent({ subframe: true })],
    ['a webContents main did not create', ipcEvent({ contentsId: 99 })],
    ['a destroyed frame', ipcEvent({ noFrame: true })],
  ])('refuses %s with forbidden, and the handler never runs', async (_name, event) => {
    const answer = await ipc.invoke('app:tray:setBadge', event, { openTickets: 3, pendingChanges: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['missing argument', 'app:tray:setBadge', []],
    ['wrong type', 'app:tray:setBadge', [{ openTickets: '3', pendingChanges: 1 }]],
    ['negative count', 'app:tray:setBadge', [{ openTickets: -1, pendingChanges: 0 }]],
    ['extra key', 'app:tray:setBadge', [{ openTickets: 1, pendingChanges: 0, __proto__x: 1 }]],
    ['extra argument', 'app:settings:get', ['surprise']],
    ['unknown setting', 'app:settings:set', [{ nodeIntegration: true }]],
    ['bad language', 'app:settings:set', [{ language: 'de' }]],
    ['server URL with javascript:', 'app:settings:set', [{ serverUrl: 'javascript:alert(1)' }]],
    ['huge refresh token', 'app:auth:storeRefreshToken', [{ refreshToken: 'x'.repeat(100_000) }]],
    ['notification with a hostile ticket key', 'app:notifications:show', [{ kind: 'assigned', title: 't', body: '', ticketKey: '../../etc' }]],
    ['non-string URL', 'app:shell:openExternal', [{ url: { href: 'https://x' } }]],
  ])('malformed arguments (%s) answer invalid_args and never reach the handler', async (_name, channel, args) => {
    const answer = await ipc.invoke(channel, ipcEvent(), ...args);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(calls).toEqual([]);
  });

  it('strips anything outside the result schema, so a refresh token cannot leave main', async () => {
    const answer = await ipc.invoke('app:auth:getAccessToken', ipcEvent());
    expect(answer).toEqual({ ok: true, value: { accessToken: 'short-lived', expiresAt: '2030-01-01T00:00:00.000Z' } });
    expect(JSON.stringify(answer)).not.toContain('must-not-leak');
  });

  it('maps a handler error to its code, and any other throw to internal without its message', async () => {
    const local = new FakeIpcMain();
    const { handlers } = handlersWithSpies();
    registerIpcHandlers(
      local,
      {
        ...handlers,
        'app:auth:getAccessToken': () => {
          throw new IpcHandlerError('unauthorized', 'not_signed_in');
        },
        'app:auth:status': () => {
          throw new Error('ENOENT /home/agent/.config/secret-path');
        },
      },
      { trustedOrigins: new Set(['app://console']), isConsoleContents: () => true, log: () => {} },
    );
    expect(await local.invoke('app:auth:getAccessToken', ipcEvent())).toEqual({ ok: false, error: { code: 'unauthorized', message: 'not_signed_in' } });
    const internal = await local.invoke('app:auth:status', ipcEvent());
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('secret-path');
  });

  it('refuses to start with a channel missing its handler', () => {
    const { handlers } = handlersWithSpies();
    const incomplete: Record<string, unknown> = { ...handlers };
    delete incomplete['app:tray:setBadge'];
    expect(() => registerIpcHandlers(new FakeIpcMain(), incomplete as IpcHandlers, { trustedOrigins: new Set(), isConsoleContents: () => true, log: () => {} })).toThrow(
      /app:tray:setBadge/,
    );
  });
});
