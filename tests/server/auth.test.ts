// Log-in, refresh rotation, revocation and rate limiting over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGES, startTestServer, type TestServer } from './harness';

describe.each(STORAGES)('auth on %s', (storage) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 10, articles: 5 });
  });
  afterAll(async () => server?.close());

  it('logs in a demo agent and answers with tokens and the agent profile', async () => {
    const res = await server.call('POST', '/auth/login', { body: { email: 'Agent@Example.com', password: 'demo' } });
    expect(res.status).toBe(200);
    expect(res.json.agent).toMatchObject({ email: 'agent@example.com', role: 'agent', desks: ['service', 'help'] });
    expect(res.json.expiresIn).toBeGreaterThan(0);
    const pull = await server.call('GET', '/sync/pull?limit=1', { token: res.json.accessToken });
    expect(pull.status).toBe(200);
  });

  it('a wrong password is 401 invalid_credentials without saying which part was wrong', async () => {
    const wrong = await server.call('POST', '/auth/login', { body: { email: 'supervisor@example.com', password: 'nope' } });
    const unknown = await server.call('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'demo' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('invalid_credentials');
    expect(unknown.json.error).toEqual(wrong.json.error);
  });

  it('calls without a valid access token are 401', async () => {
    expect((await server.call('GET', '/sync/pull')).status).toBe(401);
    const forged = await server.call('GET', '/sync/pull', { token: 'eyJzdWIiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5fQ.forged' });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe('unauthorized');
  });

  it('an access token expires', async () => {
    const { accessToken } = await server.login('agent@example.com');
    server.setClock(() => new Date(Date.now() + 16 * 60_000));
    try {
      expect((await server.call('GET', '/sync/pull?limit=1', { token: accessToken })).status).toBe(401);
    } finally {
      server.setClock(() => new Date());
    }
  });

  it('refresh rotates: the new token works, the old one is refused, and its reuse revokes the family', async () => {
    const first = await server.login('agent@example.com');
    const second = await server.call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.json.refreshToken).not.toBe(first.refreshToken);
    expect((await server.call('GET', '/sync/pull?limit=1', { token: second.json.accessToken })).status).toBe(200);

    const reuse = await server.call('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    // The stolen-token alarm revoked the newer token of the same family too.
    const after = await server.call('POST', '/auth/refresh', { body: { refreshToken: second.json.refreshToken } });
    expect(after.status).toBe(401);
  });

  it('log-out revokes the refresh token', async () => {
    const session = await server.login('agent@example.com');
    expect((await server.call('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
    expect((await server.call('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
  });

  it('rate-limits repeated failures per account with 429 and Retry-After', async () => {
    const attempt = () => server.call('POST', '/auth/login', { body: { email: 'tech@example.com', password: 'guess' } });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits: the limit is on the account.
    expect((await server.call('POST', '/auth/login', { body: { email: 'tech@example.com', password: 'demo' } })).status).toBe(429);
  });

  it('/me answers the signed-in agent\'s profile', async () => {
    const { accessToken } = await server.login('supervisor@example.com');
    const me = await server.call('GET', '/me', { token: accessToken });
    expect(me.json).toMatchObject({ email: 'supervisor@example.com', role: 'supervisor' });
    expect((await server.call('GET', '/me')).status).toBe(401);
  });

  it('health reports the storage and protocol version', async () => {
    const res = await server.call('GET', '/health');
    expect(res.json).toEqual({ status: 'ok', storage, version: 1 });
  });
});
