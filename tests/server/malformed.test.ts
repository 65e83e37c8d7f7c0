// Bad input over real HTTP on each storage: wrong types, missing fields, huge strings, unknown mutation
// names, broken envelopes, bodies that are not JSON or too large, wrong content types, unknown endpoints,
// and SQL or script text. A bad mutation is its own `rejected` result that writes nothing and uses up its
// seq; a bad request is the protocol's error shape, never a stack trace or an SQL message.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

type Answer = Awaited<ReturnType<TestServer['call']>>;
type Result = { id: string; seq: number; status: string; error?: { code: string; message: string; details?: Array<{ path: string }> } };

const SQL_INJECTION = `'); DROP TABLE entities; --`;
const SCRIPT = '<script>alert(1)</script>';

/** What a stack trace, a source path or a database message would look like in an answer. */
const LEAK = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+|\bSELECT\b|\bINSERT INTO\b|\bWHERE\b|syntax error|\brelation "|violates|duplicate key|pg_advisory|PGlite|postgres/i;

/** The answer is exactly the protocol's error shape with this status and code, and leaks nothing. */
function expectError(res: Answer, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(res.json)).toEqual(['error']);
  expect(['code,message', 'code,details,message']).toContain(Object.keys(res.json.error).sort().join(','));
  expect(res.json.error.code).toBe(code);
  expect(typeof res.json.error.message).toBe('string');
  expect(res.json.error.message.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(LEAK);
}

/** A `rejected` push result with exactly {code, message, details?} and nothing leaked. */
function expectRejected(result: Result | undefined, code: string) {
  expect(result?.status).toBe('rejected');
  expect(Object.keys(result ?? {}).sort()).toEqual(['error', 'id', 'seq', 'status']);
  expect(['code,message', 'code,details,message']).toContain(Object.keys(result?.error ?? {}).sort().join(','));
  expect(result?.error?.code).toBe(code);
  expect(JSON.stringify(result)).not.toMatch(LEAK);
}

const paths = (result: Result | undefined) => (result?.error?.details ?? []).map((d) => d.path);

describe.each(STORAGES)('malformed input on %s', (storage) => {
  let server: TestServer;
  let token: string;
  let serviceTicketId: string;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 40, articles: 10 });
    token = (await server.login('agent@example.com')).accessToken;
    const [ticket] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND desk = 'service' ORDER BY id LIMIT 1`);
    const [org] = await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'organization' AND data->>'desk' = 'service' ORDER BY id LIMIT 1`);
    if (!ticket || !org) throw new Error('demo data has no Service Desk ticket or organisation');
    serviceTicketId = ticket.id;
    orgId = org.id;
  });
  afterAll(async () => server?.close());

  const number = async (sql: string, params: unknown[] = []) => Number((await server.db.query<{ n: string }>(sql, params))[0]?.n);
  /** Everything a write would change: row count, the change log head, the history and the stored attachment bytes. */
  const footprint = async () => ({
    entities: await number('SELECT count(*)::text AS n FROM entities'),
    head: await number('SELECT coalesce(max(change_id), 0)::text AS n FROM entities'),
    history: await number('SELECT count(*)::text AS n FROM history'),
    bytes: await number('SELECT count(*)::text AS n FROM attachment_bytes'),
  });
  const validComment = (body = 'Checked, all good') => ({ name: 'comment.add', args: { id: randomUUID(), ticketId: serviceTicketId, body, visibility: 'internal' } });
  const serviceCreate = (subject: string, description = 'Reported by phone') => ({
    id: randomUUID(), desk: 'service', type: 'incident', subject, description, channel: 'phone',
    requester: { kind: 'employee', name: 'Jana Nováková', email: 'jana.novakova@example.com', organizationId: orgId, department: null, location: null },
  });

  it('wrong types in args are a rejected invalid_request naming each path; nothing is written and the seq is used up', async () => {
    const me = device(server, token);
    const before = await footprint();
    const commentId = randomUUID();
    const bad = await me.push({ name: 'comment.add', args: { id: commentId, ticketId: serviceTicketId, body: 42, visibility: 'secret' } });
    expect(bad.status).toBe(200);
    const result = bad.json.results[0] as Result;
    expectRejected(result, 'invalid_request');
    expect(result.seq).toBe(1);
    expect(paths(result).sort()).toEqual(['args.body', 'args.visibility']);
    expect(await footprint()).toEqual(before);
    expect(await number(`SELECT count(*)::text AS n FROM entities WHERE id = $1`, [commentId])).toBe(0);

    const typeMixes = await me.push(
      { name: 'worklog.add', args: { id: 'not-a-uuid', ticketId: serviceTicketId, minutes: '30', note: null, onSite: 'yes', startedAt: 'yesterday' } },
      { name: 'ticket.update', args: { ticketId: serviceTicketId, baseVersion: -1, fields: { subject: ['a'], priority: 'P9' } } },
      { name: 'ticket.setStatus', args: { ticketId: serviceTicketId, status: 'done', expectedStatus: 7 } },
      { name: 'comment.add', args: 'just a string' },
    );
    const results = typeMixes.json.results as Result[];
    results.forEach((r) => expectRejected(r, 'invalid_request'));
    expect(results.map((r) => r.seq)).toEqual([2, 3, 4, 5]);
    expect(paths(results[0]).sort()).toEqual(['args.id', 'args.minutes', 'args.note', 'args.onSite', 'args.startedAt']);
    expect(paths(results[1]).sort()).toEqual(['args.baseVersion', 'args.fields.priority', 'args.fields.subject']);
    expect(paths(results[2]).sort()).toEqual(['args.expectedStatus', 'args.status']);
    expect(paths(results[3])).toEqual(['args']);
    expect(await footprint()).toEqual(before);

    // The seqs were used up: the next mutation is seq 6 and applies; a replay of seq 1 gets its stored rejection.
    const next = await me.push(validComment());
    expect(next.json.results[0]).toMatchObject({ seq: 6, status: 'applied' });
    const replay = await server.call('POST', '/sync/push', { token, body: { clientId: me.clientId, schemaVersion: 1, mutations: bad.sent } });
    expect(replay.json.results).toEqual(bad.json.results);
  });

  it('missing fields are named in details; nothing is written', async () => {
    const me = device(server, token);
    const before = await footprint();
    const res = await me.push(
      { name: 'worklog.add', args: { id: randomUUID(), ticketId: serviceTicketId, note: 'forgot the minutes', onSite: false } },
      { name: 'ticket.assign', args: { ticketId: serviceTicketId } },
      { name: 'ticket.create', args: { id: randomUUID(), desk: 'service', subject: 'No type, no requester' } },
      { name: 'comment.add', args: {} },
    );
    const results = res.json.results as Result[];
    results.forEach((r) => expectRejected(r, 'invalid_request'));
    expect(paths(results[0]).sort()).toEqual(['args.minutes', 'args.startedAt']);
    expect(paths(results[1]).sort()).toEqual(['args.assigneeId', 'args.expectedAssigneeId']);
    expect(paths(results[2])).toEqual(expect.arrayContaining(['args.type', 'args.description', 'args.requester', 'args.channel']));
    expect(paths(results[3]).sort()).toEqual(['args.body', 'args.id', 'args.ticketId', 'args.visibility']);
    expect(await footprint()).toEqual(before);
  });

  it('a 100,000-character subject is rejected invalid_request and creates no ticket; an oversized comment body too', async () => {
    const me = device(server, token);
    const before = await footprint();
    const ticket = serviceCreate('x'.repeat(100_000));
    const comment = validComment('y'.repeat(100_001));
    const res = await me.push({ name: 'ticket.create', args: ticket }, comment);
    expect(res.status).toBe(200);
    const results = res.json.results as Result[];
    expectRejected(results[0], 'invalid_request');
    expect(paths(results[0])).toEqual(['args.subject']);
    expectRejected(results[1], 'invalid_request');
    expect(paths(results[1])).toEqual(['args.body']);
    expect(await footprint()).toEqual(before);
    expect(await number(`SELECT count(*)::text AS n FROM entities WHERE id = ANY($1::uuid[])`, [[ticket.id, comment.args.id]])).toBe(0);

    // The documented bound itself is accepted: a comment body of exactly 100,000 characters.
    const atLimit = await me.push(validComment('z'.repeat(100_000)));
    expect(atLimit.json.results[0].status).toBe('applied');
  });

  it('unknown mutation names, inherited object keys included, are rejected on path "name" and block nothing', async () => {
    const me = device(server, token);
    const before = await footprint();
    const names = ['ticket.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'TICKET.CREATE'];
    const res = await me.push(...names.map((name) => ({ name, args: { ticketId: serviceTicketId } })));
    const results = res.json.results as Result[];
    expect(results).toHaveLength(names.length);
    results.forEach((r, i) => {
      expectRejected(r, 'invalid_request');
      expect(r.seq).toBe(i + 1);
      expect(paths(r)).toEqual(['name']);
    });
    expect(await footprint()).toEqual(before);
    const after = await me.push(validComment());
    expect(after.json.results[0]).toMatchObject({ seq: names.length + 1, status: 'applied' });
  });

  it('text holding the NUL character is rejected per mutation (the outbox moves on) and is a 400 elsewhere', async () => {
    const me = device(server, token);
    const before = await footprint();
    const res = await me.push(
      validComment('before\u0000after'),
      { name: 'ticket.create', args: serviceCreate('Printer\u0000jam') },
      { name: 'ticket.update', args: { ticketId: serviceTicketId, baseVersion: 1, fields: { 'subject\u0000': 'x' } } },
      { name: 'no\u0000such', args: {} },
    );
    expect(res.status).toBe(200);
    const results = res.json.results as Result[];
    results.forEach((r) => expectRejected(r, 'invalid_request'));
    expect(paths(results[0])).toEqual(['args.body']);
    expect(paths(results[1])).toEqual(['args.subject']);
    expect(paths(results[3])).toEqual(['name']);
    expect(await footprint()).toEqual(before);
    expect((await me.push(validComment())).json.results[0]).toMatchObject({ seq: 5, status: 'applied' });

    expectError(await server.call('POST', '/auth/login', { body: { email: 'agent\u0000@example.com', password: 'demo' } }), 400, 'invalid_request');
    expectError(await server.call('POST', '/auth/refresh', { body: { refreshToken: 'a\u0000b' } }), 400, 'invalid_request');
  });

  it('a malformed envelope is a 400 invalid_request for the whole push, writes nothing and uses no seq', async () => {
    const before = await footprint();
    const clientId = randomUUID();
    const good = { id: randomUUID(), seq: 1, name: 'comment.add', args: validComment().args, at: new Date().toISOString() };
    const envelopes: Array<[unknown, string[]]> = [
      [{ schemaVersion: 1, mutations: [good] }, ['clientId']],
      [{ clientId, schemaVersion: 1, mutations: 'all of them' }, ['mutations']],
      [{ clientId: 'device-1', schemaVersion: '1', mutations: [] }, ['clientId', 'schemaVersion']],
      [{ clientId, schemaVersion: 1, mutations: [{ ...good, seq: 'one' }] }, ['mutations.0.seq']],
      [{ clientId, schemaVersion: 1, mutations: [{ ...good, at: 'yesterday' }] }, ['mutations.0.at']],
      [{ clientId, schemaVersion: 1, mutations: [good, { ...good, id: 7, seq: 2 }] }, ['mutations.1.id']],
      [[good], ['']],
      [null, ['']],
    ];
    for (const [body, expected] of envelopes) {
      const res = await server.call('POST', '/sync/push', { token, raw: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expectError(res, 400, 'invalid_request');
      expect((res.json.error.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(expected);
    }
    expect(await footprint()).toEqual(before);
    // None of those used seq 1 of this client.
    const res = await server.call('POST', '/sync/push', { token, body: { clientId, schemaVersion: 1, mutations: [good] } });
    expect(res.json.results[0]).toMatchObject({ seq: 1, status: 'applied' });
  });

  it('a body that is not JSON is 400 invalid_request', async () => {
    const json = { 'content-type': 'application/json' };
    for (const raw of ['{not json', '{"clientId": ', '', 'undefined', "{'single': 'quotes'}"]) {
      expectError(await server.call('POST', '/sync/push', { token, raw, headers: json }), 400, 'invalid_request');
      expectError(await server.call('POST', '/auth/login', { raw, headers: json }), 400, 'invalid_request');
    }
    // Prototype pollution through the body is refused, not merged.
    const polluted = `{"clientId":"${randomUUID()}","schemaVersion":1,"mutations":[],"__proto__":{"admin":true}}`;
    expectError(await server.call('POST', '/sync/push', { token, raw: polluted, headers: json }), 400, 'invalid_request');
  });

  it('a body over 1 MB is 413 too_large and writes nothing', async () => {
    const before = await footprint();
    const clientId = randomUUID();
    const mutation = { id: randomUUID(), seq: 1, name: 'comment.add', args: validComment('z'.repeat(1_100_000)).args, at: new Date().toISOString() };
    const res = await server.call('POST', '/sync/push', { token, body: { clientId, schemaVersion: 1, mutations: [mutation] } });
    expectError(res, 413, 'too_large');
    const login = await server.call('POST', '/auth/login', { body: { email: 'agent@example.com', password: 'p'.repeat(1_100_000) } });
    expectError(login, 413, 'too_large');
    expect(await footprint()).toEqual(before);
    // Just under the limit is parsed (and then judged on its content).
    const justUnder = await server.call('POST', '/auth/login', { body: { email: 'agent@example.com', password: 'p'.repeat(1_000_000) } });
    expectError(justUnder, 400, 'invalid_request');
  });

  it('a wrong content type is 415 or, for text, 400 invalid_request; never parsed as JSON', async () => {
    const body = JSON.stringify({ email: 'agent@example.com', password: 'demo' });
    expectError(await server.call('POST', '/auth/login', { raw: '<login><email>agent@example.com</email></login>', headers: { 'content-type': 'application/xml' } }), 415, 'unsupported_media_type');
    expectError(await server.call('POST', '/auth/login', { raw: 'email=agent%40example.com&password=demo', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
    // text/plain is read as a string, which is not the object a call needs.
    expectError(await server.call('POST', '/auth/login', { raw: body, headers: { 'content-type': 'text/plain' } }), 400, 'invalid_request');
    const push = JSON.stringify({ clientId: randomUUID(), schemaVersion: 1, mutations: [] });
    expectError(await server.call('POST', '/sync/push', { token, raw: push, headers: { 'content-type': 'text/plain' } }), 400, 'invalid_request');
    expectError(await server.call('POST', '/sync/push', { token, raw: push, headers: { 'content-type': 'application/octet-stream' } }), 415, 'unsupported_media_type');
  });

  it('an unknown endpoint or method is 404 not_found in the protocol shape, with or without a token', async () => {
    expectError(await server.call('GET', '/no/such/thing', { token }), 404, 'not_found');
    expectError(await server.call('GET', '/no/such/thing'), 404, 'not_found');
    expectError(await server.call('DELETE', '/sync/push', { token }), 404, 'not_found');
    expectError(await server.call('POST', '/sync/pushh', { token, body: {} }), 404, 'not_found');
    expectError(await server.call('GET', `/tickets/${serviceTicketId}`, { token }), 404, 'not_found');
    const outside = await fetch(server.url.replace('/api/v1', '/api/v2/health'));
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('errors raised before any route runs are in the protocol shape too', async () => {
    // A broken percent-escape in the path, and a path segment longer than the router takes.
    expectError(await server.call('GET', '/tickets/%E0%A4%A/history', { token }), 400, 'invalid_request');
    expectError(await server.call('GET', `/tickets/${'a'.repeat(150)}/history`, { token }), 414, 'invalid_request');
    // Headers (here a giant token or URL) over Node's limit.
    expectError(await server.call('GET', '/sync/pull', { token: 'x'.repeat(20_000) }), 431, 'too_large');
    expectError(await server.call('GET', `/sync/pull?cursor=${'x'.repeat(20_000)}`, { token }), 431, 'too_large');

    // A request that is not HTTP at all.
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE / HTTP/1.1\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body)).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
  });

  it('bad queries and path ids are 400 invalid_request, not a database error', async () => {
    for (const query of ['limit=abc', 'limit=0', 'limit=10001', 'limit=1.5', 'cursor=garbage', `cursor=${encodeURIComponent(SQL_INJECTION)}`, `cursor=${'9'.repeat(200)}`]) {
      const res = await server.call('GET', `/sync/pull?${query}`, { token });
      expectError(res, 400, 'invalid_request');
      expect(res.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: query.split('=')[0] })]));
    }
    expectError(await server.call('GET', '/sync/slice?limit=-1', { token }), 400, 'invalid_request');
    for (const id of ['not-a-uuid', encodeURIComponent(SQL_INJECTION), '1 OR 1=1']) {
      expectError(await server.call('GET', `/tickets/${id}/history`, { token }), 400, 'invalid_request');
      expectError(await server.call('GET', `/attachments/${id}`, { token }), 400, 'invalid_request');
    }
    // A well-formed id of nothing is simply not found.
    expectError(await server.call('GET', `/tickets/${randomUUID()}/history`, { token }), 404, 'not_found');
  });

  it('deeply nested args are rejected, not a crash', async () => {
    const depth = 50_000;
    const nested = `${'{"n":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;
    const mutation = (seq: number, name: string, args: string) =>
      `{"id":"${randomUUID()}","seq":${seq},"name":"${name}","at":"${new Date().toISOString()}","args":${args}}`;
    const comment = `{"id":"${randomUUID()}","ticketId":"${serviceTicketId}","visibility":"internal","body":${nested}}`;
    const raw = `{"clientId":"${randomUUID()}","schemaVersion":1,"mutations":[${mutation(1, 'comment.add', comment)},${mutation(2, 'no.such', nested)}]}`;
    const before = await footprint();
    const res = await server.call('POST', '/sync/push', { token, raw, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expectRejected(res.json.results[0], 'invalid_request');
    expect(paths(res.json.results[0])).toEqual(['args.body']);
    expectRejected(res.json.results[1], 'invalid_request');
    expect(paths(res.json.results[1])).toEqual(['name']);
    expect(await footprint()).toEqual(before);
  });

  it('SQL and script text in a ticket subject and a comment body are stored verbatim and harmless', async () => {
    const agent = await server.login('agent@example.com');
    const supervisor = await server.login('supervisor@example.com');
    const reader = device(server, supervisor.accessToken);
    const { cursor } = await reader.pullAll(undefined, 1000);

    const subject = `${SQL_INJECTION} ${SCRIPT}`;
    const description = `${SCRIPT}\n\nRobert'); DROP TABLE history;-- $1 $$ \\x00 %s {{7*7}} \${7*7}`;
    const ticket = serviceCreate(subject, description);
    const commentBody = `${SQL_INJECTION}\n${SCRIPT}\n<img src=x onerror="alert('x')">`;
    const commentId = randomUUID();
    const res = await device(server, agent.accessToken).push(
      { name: 'ticket.create', args: { ...ticket, tags: [SQL_INJECTION, SCRIPT] } },
      { name: 'comment.add', args: { id: commentId, ticketId: ticket.id, body: commentBody, visibility: 'public' } },
      { name: 'comment.add', args: { id: randomUUID(), ticketId: serviceTicketId, body: SQL_INJECTION, visibility: 'internal' } },
    );
    expect(res.json.results.map((r: Result) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // Another agent reads exactly what was sent.
    const pulled = await reader.pullAll(cursor, 1000);
    expect(pulled.rows.get(`ticket:${ticket.id}`)).toMatchObject({ subject, description, tags: [SQL_INJECTION, SCRIPT] });
    expect(pulled.rows.get(`comment:${commentId}`)).toMatchObject({ body: commentBody, ticketId: ticket.id });
    const history = await server.call('GET', `/tickets/${ticket.id}/history`, { token: supervisor.accessToken });
    expect(history.json.entries[0].after.subject).toBe(subject);

    // The same text where it reaches a query: log-in, cursors, an alert key.
    expectError(await server.call('POST', '/auth/login', { body: { email: SQL_INJECTION, password: SQL_INJECTION } }), 401, 'invalid_credentials');
    expectError(await server.call('POST', '/auth/login', { body: { email: `agent@example.com' OR '1'='1`, password: `' OR '1'='1` } }), 401, 'invalid_credentials');
    expectError(await server.call('POST', '/auth/refresh', { body: { refreshToken: SQL_INJECTION } }), 401, 'unauthorized');
    expectError(await server.call('POST', '/integrations/alerts', { headers: { 'x-api-key': SQL_INJECTION }, body: {} }), 401, 'unauthorized');

    // The tables are still there, with every row.
    for (const table of ['entities', 'history', 'credentials', 'clients', 'mutation_results']) {
      expect((await server.db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]))[0]?.t).toBe(table);
    }
    const again = await device(server, agent.accessToken).pullAll(undefined, 5000);
    expect(again.rows.get(`ticket:${ticket.id}`)).toMatchObject({ subject });
    expect([...again.rows.keys()].filter((k) => k.startsWith('ticket:')).length).toBe(41);
  });
});
