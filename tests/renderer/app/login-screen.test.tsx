// The sign-in form against a real server: a plain sentence for each way signing in can fail (a wrong
// password, a server that cannot be reached, a server of another protocol version, an address that is
// not one), and the form usable again after each.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginScreen } from '../../../renderer/app/LoginScreen';
import { startTestServer, type TestServer } from '../../server/harness';

let server: TestServer;
/** An HTTP server that answers the health check with a protocol version this console does not speak. */
let future: Server;
let futureUrl: string;

beforeAll(async () => {
  server = await startTestServer('pglite', { tickets: 10, articles: 2 });
  future = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', version: 2 }));
  });
  await new Promise<void>((resolve) => future.listen(0, '127.0.0.1', resolve));
  futureUrl = `http://127.0.0.1:${(future.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => future?.close(resolve));
});

async function signInWith(serverUrl: string, email: string, password: string) {
  const user = userEvent.setup();
  render(<LoginScreen initialServerUrl="" onSignedIn={() => undefined} />);
  await user.type(screen.getByLabelText('Server URL'), serverUrl);
  await user.type(screen.getByLabelText('E-mail'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return (await screen.findByRole('alert')).textContent;
}

describe('signing in', () => {
  const serverUrl = () => server.url.replace(/\/api\/v1$/, '');

  it('says the e-mail or password is wrong, and lets the agent try again', async () => {
    expect(await signInWith(serverUrl(), 'agent@example.com', 'not-the-password')).toBe('Wrong e-mail or password.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('says the server cannot be reached', async () => {
    expect(await signInWith('http://127.0.0.1:9', 'agent@example.com', 'demo')).toBe('The server cannot be reached. Check the URL and your connection.');
  });

  it('says the server speaks another protocol version', async () => {
    expect(await signInWith(futureUrl, 'agent@example.com', 'demo')).toBe('This server speaks another protocol version (2); Switchboard needs version 1.');
  });

  it('asks for an http(s) address', async () => {
    expect(await signInWith('ftp://127.0.0.1:4010', 'agent@example.com', 'demo')).toBe('Enter an http(s) address such as http://127.0.0.1:4010.');
  });
});
