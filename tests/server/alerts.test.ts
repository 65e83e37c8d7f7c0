// Monitoring alerts over real HTTP on each storage: a firing alert opens a monitoring_alert ticket on the
// Service Desk, repeats of its fingerprint count on that ticket with an internal note, `resolved` notes the
// recovery, a firing after the ticket is resolved opens a new one; keys are checked and issued by admins.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

type Ticket = {
  id: string; key: string; desk: string; type: string; channel: string; status: string; priority: string; subject: string;
  alert: { source: string; fingerprint: string; severity: string; firing: boolean; occurrences: number } | null;
};
type Comment = { id: string; ticketId: string; body: string; visibility: string; authorId: string | null };

const KEY = 'test-key';

describe.each(STORAGES)('monitoring alerts on %s', (storage) => {
  let server: TestServer;
  let agent: ReturnType<typeof device>;
  let supervisor: ReturnType<typeof device>;
  let cursor: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 40, articles: 10, alertsKey: KEY });
    agent = device(server, (await server.login('agent@example.com')).accessToken);
    supervisor = device(server, (await server.login('supervisor@example.com')).accessToken);
    cursor = (await agent.pullAll(undefined, 1000)).cursor;
  });
  afterAll(async () => server?.close());

  const alert = (fingerprint: string, over: Record<string, unknown> = {}) => ({
    source: 'zabbix', fingerprint, severity: 'critical', summary: 'Disk /var on mail01 at 97 %', service: 'E-mail', status: 'firing', ...over,
  });
  /** Posts an alert with this integration key (null: no X-Api-Key header at all). */
  const send = (body: unknown, key: string | null = KEY) =>
    server.call('POST', '/integrations/alerts', { body, headers: key === null ? {} : { 'x-api-key': key } });

  /** What the agent's console holds after pulling everything new. */
  async function pulled() {
    const page = await agent.pullAll(cursor, 1000);
    cursor = page.cursor;
    return page.rows;
  }
  async function ticketAndNotes(ticketId: string) {
    const page = await agent.pullAll(undefined, 5000);
    const ticket = page.rows.get(`ticket:${ticketId}`) as Ticket | undefined;
    const notes = [...page.rows.entries()].filter(([k, v]) => k.startsWith('comment:') && (v as Comment).ticketId === ticketId).map(([, v]) => v as Comment);
    return { ticket, notes };
  }

  it('a firing alert opens a monitoring_alert ticket on the Service Desk with its priority from the severity', async () => {
    const cases = [['critical', 'P1'], ['warning', 'P2'], ['info', 'P4']] as const;
    for (const [severity, priority] of cases) {
      const fingerprint = `disk-${severity}-${randomUUID()}`;
      const res = await send(alert(fingerprint, { severity, summary: `Disk alert (${severity})` }));
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ created: true, deduplicated: false, ticketId: expect.any(String), key: expect.stringMatching(/^SD-\d+$/) });
      const rows = await pulled();
      const ticket = rows.get(`ticket:${res.json.ticketId}`) as Ticket;
      expect(ticket).toMatchObject({
        key: res.json.key, desk: 'service', type: 'monitoring_alert', channel: 'monitoring', status: 'new', priority, subject: `Disk alert (${severity})`,
        alert: { source: 'zabbix', fingerprint, severity, firing: true, occurrences: 1 },
      });
    }
  });

  it('a repeat of the same fingerprint dedupes onto the open ticket: 200, counted, with an internal note', async () => {
    const fingerprint = `cpu-${randomUUID()}`;
    const first = await send(alert(fingerprint, { summary: 'CPU on sap01 above 95 %' }));
    expect(first.status).toBe(201);
    const second = await send(alert(fingerprint, { summary: 'CPU on sap01 above 95 %' }));
    const third = await send(alert(fingerprint, { summary: 'CPU on sap01 above 98 %' }));
    for (const repeat of [second, third]) {
      expect(repeat.status).toBe(200);
      expect(repeat.json).toMatchObject({ ticketId: first.json.ticketId, key: first.json.key, created: false, deduplicated: true });
    }
    const { ticket, notes } = await ticketAndNotes(first.json.ticketId);
    expect(ticket?.alert).toMatchObject({ fingerprint, firing: true, occurrences: 3 });
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => n.visibility === 'internal')).toBe(true);
    expect(notes.map((n) => n.body).join('\n')).toContain('CPU on sap01 above 98 %');
    // One ticket for the fingerprint, not three.
    const all = [...(await agent.pullAll(undefined, 5000)).rows.values()] as Ticket[];
    expect(all.filter((t) => t.alert?.fingerprint === fingerprint)).toHaveLength(1);
  });

  it('resolved notes the recovery on the ticket: firing false, a note, the ticket still open', async () => {
    const fingerprint = `vpn-${randomUUID()}`;
    const opened = await send(alert(fingerprint, { summary: 'VPN gateway down', severity: 'warning' }));
    const recovered = await send(alert(fingerprint, { summary: 'VPN gateway back up', status: 'resolved' }));
    expect(recovered.status).toBe(200);
    expect(recovered.json).toMatchObject({ ticketId: opened.json.ticketId, created: false, deduplicated: false });
    const { ticket, notes } = await ticketAndNotes(opened.json.ticketId);
    expect(ticket).toMatchObject({ status: 'new', alert: { fingerprint, firing: false, occurrences: 1 } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ visibility: 'internal' });
    expect(notes[0]?.body).toContain('VPN gateway back up');

    // Firing again on the still-open ticket flips it back.
    const again = await send(alert(fingerprint, { summary: 'VPN gateway down', severity: 'warning' }));
    expect(again.status).toBe(200);
    expect(again.json.ticketId).toBe(opened.json.ticketId);
    expect((await ticketAndNotes(opened.json.ticketId)).ticket?.alert).toMatchObject({ firing: true, occurrences: 2 });
  });

  it('a resolved alert nobody saw firing opens nothing', async () => {
    await pulled();
    const res = await send(alert(`ghost-${randomUUID()}`, { status: 'resolved' }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ticketId: null, created: false });
    const rows = await pulled();
    expect([...rows.keys()].filter((k) => k.startsWith('ticket:'))).toEqual([]);
  });

  it('a new firing after the ticket is resolved opens a new ticket', async () => {
    const fingerprint = `printer-${randomUUID()}`;
    const first = await send(alert(fingerprint, { summary: 'Print server spooler stopped' }));
    const resolve = await supervisor.push({ name: 'ticket.setStatus', args: { ticketId: first.json.ticketId, status: 'resolved', expectedStatus: 'new', resolution: 'Spooler restarted' } });
    expect(resolve.json.results[0].status).toBe('applied');
    const next = await send(alert(fingerprint, { summary: 'Print server spooler stopped' }));
    expect(next.status).toBe(201);
    expect(next.json.created).toBe(true);
    expect(next.json.ticketId).not.toBe(first.json.ticketId);
    expect(next.json.key).not.toBe(first.json.key);
    const old = await ticketAndNotes(first.json.ticketId);
    expect(old.ticket).toMatchObject({ status: 'resolved', alert: { occurrences: 1 } });
    expect(old.notes).toEqual([]);
    expect((await ticketAndNotes(next.json.ticketId)).ticket).toMatchObject({ status: 'new', alert: { fingerprint, occurrences: 1, firing: true } });
  });

  it('a wrong or missing key is 401 and opens nothing', async () => {
    const fingerprint = `nokey-${randomUUID()}`;
    await pulled();
    for (const key of [null, '', 'wrong-key', `${KEY}x`, KEY.toUpperCase()]) {
      const res = await send(alert(fingerprint), key);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
    // An agent's bearer token is not an integration key.
    const { accessToken } = await server.login('admin@example.com');
    const bearer = await server.call('POST', '/integrations/alerts', { token: accessToken, body: alert(fingerprint) });
    expect(bearer.status).toBe(401);
    expect([...(await pulled()).keys()].filter((k) => k.startsWith('ticket:'))).toEqual([]);
  });

  it('a malformed alert is 400 invalid_request naming the fields, and opens nothing', async () => {
    await pulled();
    const fingerprint = `bad-${randomUUID()}`;
    const bad: Array<[unknown, string[]]> = [
      [alert(fingerprint, { severity: 'fatal' }), ['severity']],
      [alert(fingerprint, { status: 'acknowledged' }), ['status']],
      [{ source: 'zabbix', fingerprint, status: 'firing' }, ['severity', 'summary']],
      [alert(fingerprint, { summary: 'x'.repeat(301) }), ['summary']],
      [alert('', {}), ['fingerprint']],
      [alert(fingerprint, { summary: 42, details: { nested: true } }), ['details', 'summary']],
      [[alert(fingerprint)], ['']],
    ];
    for (const [body, paths] of bad) {
      const res = await send(body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
      expect((res.json.error.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(paths);
    }
    const notJson = await server.call('POST', '/integrations/alerts', { raw: 'fire!', headers: { 'x-api-key': KEY, 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect([...(await pulled()).keys()].filter((k) => k.startsWith('ticket:'))).toEqual([]);
  });

  it('an admin issues an integration key that then works; a non-admin gets 403', async () => {
    for (const login of ['supervisor@example.com', 'agent@example.com', 'tech@example.com']) {
      const { accessToken } = await server.login(login);
      const denied = await server.call('POST', '/integrations/keys', { token: accessToken, body: { source: 'grafana' } });
      expect(denied.status).toBe(403);
      expect(denied.json.error.code).toBe('forbidden');
    }
    expect((await server.call('POST', '/integrations/keys', { body: { source: 'grafana' } })).status).toBe(401);

    const { accessToken } = await server.login('admin@example.com');
    const issued = await server.call('POST', '/integrations/keys', { token: accessToken, body: { source: 'grafana' } });
    expect(issued.status).toBe(201);
    expect(issued.json).toMatchObject({ key: expect.any(String), name: 'grafana' });
    expect(issued.json.key).not.toBe(KEY);
    expect(issued.json.key.length).toBeGreaterThanOrEqual(20);
    // The key is stored hashed, never as it is.
    expect(await server.db.query(`SELECT 1 FROM integration_keys WHERE key_hash = $1`, [issued.json.key])).toEqual([]);

    const fingerprint = `grafana-${randomUUID()}`;
    const res = await send(alert(fingerprint, { source: 'grafana', summary: 'Latency of the portal above 2 s', severity: 'warning' }), issued.json.key);
    expect(res.status).toBe(201);
    const rows = await pulled();
    expect(rows.get(`ticket:${res.json.ticketId}`)).toMatchObject({ type: 'monitoring_alert', priority: 'P2', alert: { source: 'grafana', fingerprint } });

    // A second key works alongside the first.
    const second = await server.call('POST', '/integrations/keys', { token: accessToken, body: { source: 'prometheus' } });
    expect(second.json.key).not.toBe(issued.json.key);
    expect((await send(alert(fingerprint, { source: 'grafana' }), second.json.key)).status).toBe(200);
    expect((await send(alert(fingerprint, { source: 'grafana' }), issued.json.key)).status).toBe(200);
  });

  it('alert tickets are Service Desk only: a field tech sees them, a Help-Desk-only agent does not', async () => {
    const fingerprint = `visibility-${randomUUID()}`;
    const res = await send(alert(fingerprint));
    const tech = device(server, (await server.login('tech@example.com')).accessToken);
    expect((await tech.pullAll(undefined, 5000)).rows.get(`ticket:${res.json.ticketId}`)).toMatchObject({ desk: 'service' });
    const help = device(server, (await server.login('katerina.vesela@switchboard.example')).accessToken);
    const helpRows = (await help.pullAll(undefined, 5000)).rows;
    expect(helpRows.has(`ticket:${res.json.ticketId}`)).toBe(false);
  });
});
