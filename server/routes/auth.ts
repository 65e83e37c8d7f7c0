// Log-in, refresh, log-out and health: the calls that need no access token.
import type { FastifyInstance } from 'fastify';
import { LoginRequest, PROTOCOL_VERSION, RefreshRequest } from '../../shared/protocol/sync';
import type { RouteDeps } from '../app';
import { parse } from '../validate';

export function registerAuthRoutes(api: FastifyInstance, deps: RouteDeps) {
  api.get('/health', async () => ({ status: 'ok', storage: deps.db.kind, version: PROTOCOL_VERSION }));

  api.post('/auth/login', async (request) => {
    const { email, password } = parse(LoginRequest, request.body);
    return deps.sessions.login(email, password, request.ip);
  });

  api.post('/auth/refresh', async (request) => {
    const { refreshToken } = parse(RefreshRequest, request.body);
    return deps.sessions.refresh(refreshToken);
  });

  // The signed-in agent's own profile: a console resuming a saved session learns who it is.
  api.get('/me', async (request) => deps.authenticate(request));

  api.post('/auth/logout', async (request, reply) => {
    const { refreshToken } = parse(RefreshRequest, request.body);
    await deps.sessions.logout(refreshToken);
    return reply.status(204).send();
  });
}
