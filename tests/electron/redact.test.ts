// Logging never writes tokens or passwords.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/main/log/logger';

function logged(message: string, details?: Record<string, unknown>): string {
  const lines: string[] = [];
  createLogger((line) => lines.push(line), () => new Date('2030-01-01T00:00:00Z')).info(message, details);
  return lines.join('\n');
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIn0.c2lnbmF0dXJlLXZhbHVl';

describe('log redaction', () => {
  it('values under secret-looking keys are replaced, at any depth', () => {
    const line = logged('login', {
      email: 'eva@example.com',
      password: 'correct horse battery',
      nested: { refreshToken: 'rt-secret-1', headers: { Authorization: 'Bearer abc.def' }, list: [{ accessToken: 'at-secret-2' }] },
    });
    for (const secret of ['correct horse battery', 'rt-secret-1', 'abc.def', 'at-secret-2']) expect(line).not.toContain(secret);
    expect(line).toContain('eva@example.com');
    expect(line).toContain('[redacted]');
  });

  it('token-shaped text inside messages and strings is replaced', () => {
    const line = logged(`refresh failed for Bearer ${JWT}`, {
      error: `POST https://desk.example.com/auth/refresh?refresh_token=abc123secret failed`,
      body: `{"refreshToken":"rt-in-json","other":1}`,
      raw: JWT,
    });
    for (const secret of [JWT, 'abc123secret', 'rt-in-json']) expect(line).not.toContain(secret);
    expect(line).toContain('desk.example.com');
  });

  it('each entry is one JSON line with time and level', () => {
    expect(JSON.parse(logged('started', { packaged: true }))).toEqual({
      time: '2030-01-01T00:00:00.000Z',
      level: 'info',
      message: 'started',
      details: { packaged: true },
    });
  });
});
