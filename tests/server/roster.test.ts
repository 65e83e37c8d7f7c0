// roster.set over real HTTP on each storage: a supervisor puts one cell of the roster (one row per agent
// and day, whoever writes it), every console pulls it, and agents and field techs are refused with
// `forbidden` and write nothing. Bad cells are the mutation's own `rejected`, at their paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterEntryId } from '../../shared/rules/roster';
import { device } from './device';
import { DEMO_NOW, STORAGES, startTestServer, type TestServer } from './harness';

type Entry = { id: string; date: string; agentId: string; shiftId: string | null };

describe.each(STORAGES)('roster on %s', (storage) => {
  let server: TestServer;
  let shift: (name: 'Early' | 'Late' | 'Night') => string;
  let id: (email: string) => string;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 20, articles: 5, now: () => DEMO_NOW });
    const shifts = await server.db.query<{ id: string; name: string }>(`SELECT id::text, data->>'name' AS name FROM entities WHERE entity = 'shift'`);
    const agents = await server.db.query<{ id: string; email: string }>(`SELECT id::text, data->>'email' AS email FROM entities WHERE entity = 'agent'`);
    shift = (name) => shifts.find((s) => s.name === name)?.id as string;
    id = (email) => agents.find((a) => a.email === email)?.id as string;
  });
  afterAll(async () => server?.close());

  const rosterRows = () => server.db.query<{ id: string; data: Entry; change_id: string }>(
    `SELECT id::text, data, change_id::text FROM entities WHERE entity = 'roster' ORDER BY id`,
  );

  it('a supervisor’s cell is applied, stored once per agent and day, and pulled by every console', async () => {
    const sup = device(server, (await server.login('supervisor@example.com')).accessToken);
    const ondrej = id('ondrej.marek@switchboard.example');
    const { cursor } = await sup.pullAll(undefined, 1000);

    const first = await sup.push({ name: 'roster.set', args: { date: '2026-11-21', agentId: ondrej, shiftId: shift('Early') } });
    expect(first.json.results[0]).toMatchObject({ status: 'applied' });
    const entryId = rosterEntryId('2026-11-21', ondrej);
    expect((await rosterRows()).filter((r) => r.id === entryId).map((r) => r.data)).toEqual([
      { id: entryId, date: '2026-11-21', agentId: ondrej, shiftId: shift('Early') },
    ]);

    // Another supervisor changes the same cell: still one row, now off for the day.
    const other = device(server, (await server.login('marketa.nemcova@switchboard.example')).accessToken);
    expect((await other.push({ name: 'roster.set', args: { date: '2026-11-21', agentId: ondrej, shiftId: null } })).json.results[0].status).toBe('applied');
    expect((await rosterRows()).filter((r) => r.data.agentId === ondrej).map((r) => r.data)).toEqual([
      { id: entryId, date: '2026-11-21', agentId: ondrej, shiftId: null },
    ]);

    // The supervisor pulls the newest state; an agent of the other desk sees the roster too.
    expect((await sup.pullAll(cursor, 1000)).rows.get(`roster:${entryId}`)).toEqual({ id: entryId, date: '2026-11-21', agentId: ondrej, shiftId: null });
    const helpAgent = device(server, (await server.login('katerina.vesela@switchboard.example')).accessToken);
    expect((await helpAgent.pullAll(undefined, 1000)).rows.get(`roster:${entryId}`)).toMatchObject({ shiftId: null });
  });

  it('setting a cell to what it already says writes no new change', async () => {
    const sup = device(server, (await server.login('supervisor@example.com')).accessToken);
    const lucie = id('lucie.prochazkova@switchboard.example');
    await sup.push({ name: 'roster.set', args: { date: '2026-11-22', agentId: lucie, shiftId: shift('Late') } });
    const before = await rosterRows();
    const again = await sup.push({ name: 'roster.set', args: { date: '2026-11-22', agentId: lucie, shiftId: shift('Late') } });
    expect(again.json.results[0].status).toBe('applied');
    expect(await rosterRows()).toEqual(before);
  });

  it.each(['agent@example.com', 'tech@example.com'])('%s is refused forbidden and nothing is written', async (login) => {
    const before = await rosterRows();
    const { accessToken, agent } = await server.login(login);
    const res = await device(server, accessToken).push({ name: 'roster.set', args: { date: '2026-11-23', agentId: agent.id, shiftId: shift('Night') } });
    expect(res.status).toBe(200);
    expect(res.json.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await rosterRows()).toEqual(before);
  });

  it('an unknown shift or agent, a day already over and a day that does not exist are rejected at their paths', async () => {
    const sup = device(server, (await server.login('supervisor@example.com')).accessToken);
    const jana = id('agent@example.com');
    const before = await rosterRows();
    const res = await sup.push(
      { name: 'roster.set', args: { date: '2026-11-24', agentId: jana, shiftId: jana } },
      { name: 'roster.set', args: { date: '2026-11-24', agentId: shift('Early'), shiftId: null } },
      { name: 'roster.set', args: { date: '2026-11-01', agentId: jana, shiftId: null } },
      { name: 'roster.set', args: { date: '2026-11-31', agentId: jana, shiftId: null } },
    );
    const paths = (res.json.results as Array<{ status: string; error: { code: string; details: Array<{ path: string }> } }>).map((r) => [r.status, r.error.code, r.error.details[0]?.path]);
    expect(paths).toEqual([
      ['rejected', 'invalid_request', 'args.shiftId'],
      ['rejected', 'invalid_request', 'args.agentId'],
      ['rejected', 'invalid_request', 'args.date'],
      ['rejected', 'invalid_request', 'args.date'],
    ]);
    expect(await rosterRows()).toEqual(before);
  });

  it('a Help-Desk-only supervisor may not roster a Service-Desk-only agent', async () => {
    const lenka = device(server, (await server.login('lenka.markova@switchboard.example')).accessToken);
    const res = await lenka.push(
      { name: 'roster.set', args: { date: '2026-11-25', agentId: id('pavel.sedlacek@switchboard.example'), shiftId: null } },
      { name: 'roster.set', args: { date: '2026-11-25', agentId: id('tereza.jelinkova@switchboard.example'), shiftId: shift('Early') } },
    );
    expect(res.json.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual(['forbidden', 'applied']);
  });
});
