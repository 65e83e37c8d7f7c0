// Sessions against the ticket server. Main alone holds the refresh token; the renderer gets short-lived
// access tokens. Refreshes are single-flight because the server rotates refresh tokens: two parallel
// refreshes would spend the same token twice and sign the user out. A 4xx from refresh ends the
// session; a network failure keeps it (offline-first: the user stays signed in and retries later).
import { z } from 'zod';
import type { AccessToken, AuthStatus } from '../../../shared/ipc/contract';
import { IpcHandlerError } from '../ipc/ipc-error';
import type { SecretStore } from './secret-store';

const TokenAnswer = z.object({
  accessToken: z.string().min(1).max(8192),
  refreshToken: z.string().min(1).max(8192),
  expiresIn: z.number().positive().max(7 * 24 * 3600),
});
const LoginAnswer = TokenAnswer.extend({ agent: z.looseObject({ id: z.string(), name: z.string(), email: z.string(), role: z.string() }) });
const ErrorAnswer = z.object({ error: z.object({ code: z.string().max(100) }) });

/** An access token is handed out again only while it has at least this long to live. */
export const ACCESS_TOKEN_MARGIN_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;

export interface AuthDeps {
  readonly secrets: SecretStore;
  readonly fetch: typeof fetch;
  readonly serverUrl: () => string;
  readonly now: () => number;
  readonly log: (message: string, details?: Record<string, unknown>) => void;
}

export interface AuthService {
  login(email: string, password: string): Promise<{ accessToken: AccessToken; agent: z.infer<typeof LoginAnswer>['agent']; auth: AuthStatus }>;
  storeRefreshToken(refreshToken: string): AuthStatus;
  getAccessToken(): Promise<AccessToken>;
  logout(): Promise<void>;
  /** Drops the session locally, e.g. when the server URL changes (its tokens mean nothing elsewhere). */
  forget(): void;
  status(): AuthStatus;
}

export function createAuthService(deps: AuthDeps): AuthService {
  let access: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<AccessToken> | null = null;
  // Bumped whenever the session is replaced or dropped, so a refresh that started before cannot
  // write its (now stale) tokens back.
  let generation = 0;

  const status = (): AuthStatus => {
    const secureStorage = deps.secrets.status();
    return { signedIn: deps.secrets.load() !== null, persisted: deps.secrets.isPersisted(), secureStorage };
  };

  const post = async (path: string, body: unknown): Promise<Response> => {
    try {
      return await deps.fetch(`${deps.serverUrl()}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      deps.log('auth request failed', { path, error: String(error) });
      throw new IpcHandlerError('unavailable', 'network_error');
    }
  };

  const serverErrorCode = async (response: Response): Promise<string> => {
    try {
      const parsed = ErrorAnswer.safeParse(await response.json());
      return parsed.success ? parsed.data.error.code : `http_${response.status}`;
    } catch {
      return `http_${response.status}`;
    }
  };

  const keep = (answer: z.infer<typeof TokenAnswer>): AccessToken => {
    deps.secrets.save(answer.refreshToken);
    const expiresAt = deps.now() + answer.expiresIn * 1000;
    access = { token: answer.accessToken, expiresAt };
    return { accessToken: answer.accessToken, expiresAt: new Date(expiresAt).toISOString() };
  };

  const forget = () => {
    generation += 1;
    access = null;
    inFlight = null;
    deps.secrets.clear();
  };

  const refresh = async (): Promise<AccessToken> => {
    const refreshToken = deps.secrets.load();
    if (refreshToken === null) throw new IpcHandlerError('unauthorized', 'not_signed_in');
    const started = generation;
    const response = await post('/auth/refresh', { refreshToken });
    if (started !== generation) throw new IpcHandlerError('unauthorized', 'session_replaced');
    if (response.status >= 400 && response.status < 500 && response.status !== 429 && response.status !== 408) {
      const code = await serverErrorCode(response);
      deps.log('refresh refused; session ended', { status: response.status, code });
      forget();
      throw new IpcHandlerError('unauthorized', code);
    }
    if (!response.ok) throw new IpcHandlerError('unavailable', await serverErrorCode(response));
    const answer = TokenAnswer.safeParse(await response.json().catch(() => null));
    if (!answer.success) throw new IpcHandlerError('unavailable', 'malformed_server_answer');
    if (started !== generation) throw new IpcHandlerError('unauthorized', 'session_replaced');
    return keep(answer.data);
  };

  return {
    async login(email, password) {
      const response = await post('/auth/login', { email, password });
      if (!response.ok) {
        const code = await serverErrorCode(response);
        throw new IpcHandlerError(response.status === 401 || response.status === 403 ? 'unauthorized' : 'unavailable', code);
      }
      const answer = LoginAnswer.safeParse(await response.json().catch(() => null));
      if (!answer.success) throw new IpcHandlerError('unavailable', 'malformed_server_answer');
      generation += 1;
      inFlight = null;
      const accessToken = keep(answer.data);
      return { accessToken, agent: answer.data.agent, auth: status() };
    },
    storeRefreshToken(refreshToken) {
      generation += 1;
      access = null;
      inFlight = null;
      deps.secrets.save(refreshToken);
      return status();
    },
    getAccessToken() {
      if (access !== null && access.expiresAt - deps.now() > ACCESS_TOKEN_MARGIN_MS) {
        return Promise.resolve({ accessToken: access.token, expiresAt: new Date(access.expiresAt).toISOString() });
      }
      if (inFlight === null) {
        const current = refresh().finally(() => {
          if (inFlight === current) inFlight = null;
        });
        inFlight = current;
      }
      return inFlight;
    },
    async logout() {
      const refreshToken = deps.secrets.load();
      forget();
      if (refreshToken === null) return;
      try {
        await post('/auth/logout', { refreshToken });
      } catch {
        // Offline logout still ends the session here; the server token expires on its own.
      }
    },
    forget,
    status,
  };
}
