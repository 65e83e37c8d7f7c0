// Short-lived access tokens: a payload signed with HMAC-SHA256 by a secret the server keeps in its database.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export type AccessClaims = { sub: string; exp: number };

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueAccessToken(secret: string, agentId: string, nowMs: number): string {
  const payload = encode({ sub: agentId, exp: Math.floor(nowMs / 1000) + ACCESS_TOKEN_SECONDS });
  return `${payload}.${sign(secret, payload)}`;
}

/** The agent id of a valid, unexpired token; null for anything else. */
export function verifyAccessToken(secret: string, token: string, nowMs: number): string | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as AccessClaims;
    return typeof claims.sub === 'string' && claims.exp * 1000 > nowMs ? claims.sub : null;
  } catch {
    return null;
  }
}
