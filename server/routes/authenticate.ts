// Bearer-token check for every call but log-in, refresh and health. The agent is read fresh, so a removed
// agent loses access as soon as their token is next used.
import type { FastifyRequest } from 'fastify';
import type { Agent } from '../../shared/schemas/entities';
import { verifyAccessToken } from '../auth/access-tokens';
import type { Database } from '../db/database';
import { HttpError } from '../http-error';
import { getOne } from '../sync/entity-store';

export function createAuthenticate(db: Database, secret: string, now: () => Date) {
  return async function authenticate(request: FastifyRequest, allowQueryToken = false): Promise<Agent> {
    const header = request.headers.authorization;
    let token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (token === undefined && allowQueryToken) {
      const query = request.query as Record<string, unknown>;
      if (typeof query.access_token === 'string') token = query.access_token;
    }
    const agentId = token ? verifyAccessToken(secret, token, now().getTime()) : null;
    const agent = agentId ? await getOne<Agent>(db, 'agent', agentId) : null;
    if (!agent) throw new HttpError('unauthorized', 'Log in first, or refresh the access token');
    return agent;
  };
}
