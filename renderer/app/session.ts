// Signing in and out: checks the server speaks our protocol, logs in through the desktop bridge (which
// keeps the refresh token), opens this agent's cache and starts sync. The renderer holds only
// short-lived access tokens, fetched from the bridge when needed.
import { PROTOCOL_VERSION } from '../../shared/protocol/sync';
import type { ArgsOf, MutationName } from '../../shared/protocol/mutations';
import type { Agent } from '../../shared/schemas/entities';
import { CacheDb, cacheName } from '../db/cache-db';
import { call, desktop } from '../desktop';
import { createSyncApi, type SyncApi } from '../sync/api';
import { newId } from '../sync/ids';
import { enqueue } from '../sync/outbox';
import { startSync, type SyncClient } from '../sync/sync-client';
import type { ConsoleServices } from './console-context';
import { forgetSignedOutUser } from './forget-user';

export type LoginProblem = 'wrong_password' | 'unreachable' | 'protocol' | 'rate_limited' | 'invalid_url' | 'failed';

export class LoginError extends Error {
  constructor(readonly problem: LoginProblem, detail?: string) {
    super(detail ?? problem);
  }
}

export type Session = { services: ConsoleServices; sync: SyncClient; serverUrl: string; close(): void };

async function checkServer(serverUrl: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl}/api/v1/health`);
  } catch {
    throw new LoginError('unreachable');
  }
  const body = (await res.json().catch(() => null)) as { version?: number } | null;
  if (!res.ok || body?.version !== PROTOCOL_VERSION) throw new LoginError('protocol', String(body?.version ?? res.status));
}

async function token(): Promise<string> {
  return (await call(desktop().getAccessToken())).accessToken;
}

const LAST_AGENT_KEY = 'switchboard.lastAgent';

function open(serverUrl: string, actor: Agent): Session {
  // Not a secret: lets a console restarted offline open this agent's cache.
  localStorage.setItem(LAST_AGENT_KEY, JSON.stringify({ serverUrl, actor }));
  const dbName = cacheName(serverUrl, actor.id);
  // The outbox connection writes with strict durability; the worker bulk-writes through its own.
  const db = new CacheDb(dbName, { strict: true });
  const api: SyncApi = createSyncApi({ baseUrl: `${serverUrl}/api/v1`, tokens: { get: token, refresh: token } });
  const sync = startSync({ serverUrl, dbName, actor, getToken: () => token() });
  void navigator.storage?.persist?.().catch(() => false);
  const services: ConsoleServices = {
    actor,
    db,
    api,
    async change<N extends MutationName>(name: N, args: ArgsOf<N>) {
      const entry = await enqueue({ db, actor, now: () => new Date(), newId: () => newId() }, name, args);
      sync.requestSync();
      return entry;
    },
    newId: () => newId(),
    now: () => new Date(),
  };
  return {
    services,
    sync,
    serverUrl,
    close() {
      sync.stop();
      db.close();
    },
  };
}

export async function signIn(serverUrlText: string, email: string, password: string): Promise<Session> {
  const saved = await desktop().setSettings({ serverUrl: serverUrlText });
  if (!saved.ok) throw new LoginError('invalid_url');
  const serverUrl = saved.value.serverUrl;
  await checkServer(serverUrl);
  const answer = await desktop().login({ email, password });
  if (!answer.ok) {
    const code = answer.error.message;
    if (code === 'invalid_credentials' || answer.error.code === 'unauthorized') throw new LoginError('wrong_password');
    if (code === 'rate_limited' || code.includes('429')) throw new LoginError('rate_limited');
    if (code === 'unreachable') throw new LoginError('unreachable');
    throw new LoginError('failed', code);
  }
  const session = open(serverUrl, answer.value.agent as unknown as Agent);
  await session.sync.started;
  return session;
}

/** A session kept by the desktop (or this browser tab) from before: sign in silently. */
export async function resume(): Promise<Session | null> {
  const status = await desktop().getAuthStatus();
  const settings = await desktop().getSettings();
  if (!status.ok || !status.value.signedIn || !settings.ok) return null;
  const serverUrl = settings.value.serverUrl;
  try {
    const res = await fetch(`${serverUrl}/api/v1/me`, { headers: { authorization: `Bearer ${await token()}` } });
    if (res.ok) return open(serverUrl, (await res.json()) as Agent);
    if (res.status === 401) return null;
  } catch {
    // Offline: work from the cache as the agent who last signed in here.
  }
  const last = JSON.parse(localStorage.getItem(LAST_AGENT_KEY) ?? 'null') as { serverUrl: string; actor: Agent } | null;
  return last?.serverUrl === serverUrl ? open(serverUrl, last.actor) : null;
}

export async function signOut(session: Session): Promise<void> {
  session.close();
  forgetSignedOutUser();
  localStorage.removeItem(LAST_AGENT_KEY);
  await desktop().logout();
}
