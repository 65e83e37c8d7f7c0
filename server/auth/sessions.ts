// Log-in, refresh and log-out. Refresh tokens rotate on every use and are stored only as hashes; a token
// used twice means it was stolen, so its whole family is revoked.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/schemas/entities';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { getOne } from '../sync/entity-store';
import { ACCESS_TOKEN_SECONDS, issueAccessToken } from './access-tokens';
import { verifyPassword } from './passwords';
import { createRateLimiter } from './rate-limit';

const REFRESH_DAYS = 30;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions(db: Database, secret: string, now: () => Date) {
  const perAccount = createRateLimiter(5, 15 * 60_000);
  const perAddress = createRateLimiter(30, 15 * 60_000);

  async function issue(agentId: string, family: string) {
    const refreshToken = randomBytes(32).toString('base64url');
    const expires = new Date(now().getTime() + REFRESH_DAYS * 86_400_000);
    await db.query('INSERT INTO refresh_tokens (token_hash, agent_id, family, expires_at) VALUES ($1, $2, $3, $4)', [hash(refreshToken), agentId, family, expires]);
    return { accessToken: issueAccessToken(secret, agentId, now().getTime()), refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  return {
    async login(email: string, password: string, address: string) {
      const account = email.trim().toLowerCase();
      const wait = Math.max(perAccount.retryAfter(account, now().getTime()), perAddress.retryAfter(address, now().getTime()));
      if (wait > 0) throw new HttpError('rate_limited', 'Too many failed log-ins; try again later', undefined, { 'retry-after': String(wait) });
      const [row] = await db.query<{ agent_id: string; password_hash: string }>('SELECT agent_id::text, password_hash FROM credentials WHERE email = $1', [account]);
      const agent = row && (await verifyPassword(password, row.password_hash)) ? await getOne<Agent>(db, 'agent', row.agent_id) : null;
      if (!agent) {
        perAccount.fail(account, now().getTime());
        perAddress.fail(address, now().getTime());
        throw new HttpError('invalid_credentials', 'Wrong e-mail or password');
      }
      perAccount.reset(account);
      return { ...(await issue(agent.id, randomUUID())), agent };
    },

    async refresh(refreshToken: string) {
      const answer = await db.transaction(async (tx) => {
        const [row] = await tx.query<{ agent_id: string; family: string; used: boolean; revoked: boolean; expires_at: Date }>(
          'SELECT agent_id::text, family::text, used, revoked, expires_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
          [hash(refreshToken)],
        );
        if (!row || row.revoked || new Date(row.expires_at) <= now()) throw new HttpError('unauthorized', 'Log in again');
        if (row.used) {
          // Committed, not thrown: the revocation must outlive this request.
          await tx.query('UPDATE refresh_tokens SET revoked = true WHERE family = $1', [row.family]);
          return null;
        }
        await tx.query('UPDATE refresh_tokens SET used = true WHERE token_hash = $1', [hash(refreshToken)]);
        const refreshed = randomBytes(32).toString('base64url');
        const expires = new Date(now().getTime() + REFRESH_DAYS * 86_400_000);
        await tx.query('INSERT INTO refresh_tokens (token_hash, agent_id, family, expires_at) VALUES ($1, $2, $3, $4)', [hash(refreshed), row.agent_id, row.family, expires]);
        return { accessToken: issueAccessToken(secret, row.agent_id, now().getTime()), refreshToken: refreshed, expiresIn: ACCESS_TOKEN_SECONDS };
      });
      if (!answer) throw new HttpError('unauthorized', 'This refresh token was already used; every session of it is revoked');
      return answer;
    },

    async logout(refreshToken: string) {
      await db.query(
        'UPDATE refresh_tokens SET revoked = true WHERE family = (SELECT family FROM refresh_tokens WHERE token_hash = $1)',
        [hash(refreshToken)],
      );
    },
  };
}
