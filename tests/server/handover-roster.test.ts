// shift.handover follows the roster over real HTTP on each storage: the crews are those rostered for the
// runs at the server's clock (a roster change sent in the same push counts), and the outcome equals the
// preview a console works out with the shared planHandover over what it pulled.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planHandover, type HandoverMove } from '../../shared/rules/handover';
import { isOpenStatus } from '../../shared/rules/status';
import { rosterIndex } from '../../shared/rules/roster';
import type { Agent, RosterEntry, Shift } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { device } from './device';
import { DEMO_NOW, STORAGES, startTestServer, type TestServer } from './harness';

// DEMO_NOW is 11:00 in Prague on 20 November 2026: the early shift is on, the late one starts at 14:00.
const TODAY = '2026-11-20';
const TOMORROW = '2026-11-21';

describe.each(STORAGES)('shift handover over the roster on %s', (storage) => {
  let server: TestServer;
  let supervisor: ReturnType<typeof device>;
  let agents: Agent[];
  let shifts: Shift[];
  let orgId: string;
  const shift = (name: string) => shifts.find((s) => s.name === name)?.id as string;
  const id = (email: string) => agents.find((a) => a.email === email)?.id as string;
  const email = (agentId: string) => agents.find((a) => a.id === agentId)?.email;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 40, articles: 5, now: () => DEMO_NOW });
    supervisor = device(server, (await server.login('supervisor@example.com')).accessToken);
    const { rows } = await supervisor.pullAll(undefined, 1000);
    const of = <T>(entity: string) => [...rows].filter(([key]) => key.startsWith(`${entity}:`)).map(([, data]) => data as T);
    agents = of<Agent>('agent');
    shifts = of<Shift>('shift');
    orgId = (of<{ id: string; desk: string }>('organization').find((o) => o.desk === 'service') as { id: string }).id;
  });
  afterAll(async () => server?.close());

  async function serviceTicketFor(assignee: string): Promise<string> {
    const ticketId = randomUUID();
    const res = await supervisor.push(
      { name: 'ticket.create', args: { id: ticketId, desk: 'service', type: 'incident', subject: 'VPN drops every hour', description: '', channel: 'phone', impact: 'high', urgency: 'high',
        requester: { kind: 'employee', name: 'Jana Nováková', email: 'jana.novakova@example.com', organizationId: orgId, department: null, location: null } } },
      { name: 'ticket.assign', args: { ticketId, assigneeId: id(assignee), expectedAssigneeId: null } },
    );
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    return ticketId;
  }

  it('moves the rostered early crew’s work to the rostered late crew, exactly as previewed', async () => {
    const jana = await serviceTicketFor('agent@example.com');
    await serviceTicketFor('martin.kucera@switchboard.example');
    await serviceTicketFor('michal.pokorny@switchboard.example');
    // Lucie swaps onto tonight's night shift: she stays on duty and keeps her ticket.
    const lucies = await serviceTicketFor('lucie.prochazkova@switchboard.example');
    const roster = (date: string, who: string, shiftName: string | null) =>
      ({ name: 'roster.set', args: { date, agentId: id(who), shiftId: shiftName === null ? null : shift(shiftName) } });
    const before = await supervisor.push(
      roster(TODAY, 'lucie.prochazkova@switchboard.example', 'Night'),
      roster(TODAY, 'ondrej.marek@switchboard.example', null), // Ondřej is off today
      roster(TOMORROW, 'veronika.pospisilova@switchboard.example', null), // another day: no effect
    );
    expect(before.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // The console's view: what it pulled, plus its own roster change still on the way (Pavel covers the late shift).
    const { rows } = await supervisor.pullAll(undefined, 1000);
    const pavel = id('pavel.sedlacek@switchboard.example');
    const entries = [...rows].filter(([key]) => key.startsWith('roster:')).map(([, data]) => data as RosterEntry);
    const pending: RosterEntry = { id: 'pending', date: TODAY, agentId: pavel, shiftId: shift('Late') };
    const tickets = [...rows].filter(([key]) => key.startsWith('ticket:')).map(([, data]) => data as Ticket).filter((t) => isOpenStatus(t.status));
    const args = { fromShiftId: shift('Early'), toShiftId: shift('Late'), strategy: 'round_robin' as const };
    const preview = planHandover({ ...args, agents, shifts, roster: rosterIndex([...entries, pending]), nowMs: DEMO_NOW.getTime(), tickets });

    const res = await supervisor.push(roster(TODAY, 'pavel.sedlacek@switchboard.example', 'Late'), { name: 'shift.handover', args });
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    const moved = res.json.results[1].details.moved as HandoverMove[];
    expect(moved).toEqual(preview.moves);

    const receivers = new Set(moved.map((m) => email(m.to)));
    expect(receivers).toContain('pavel.sedlacek@switchboard.example');
    expect(receivers).toContain('veronika.pospisilova@switchboard.example');
    expect(receivers).not.toContain('ondrej.marek@switchboard.example');
    expect(receivers).not.toContain('radek.benes@switchboard.example'); // away
    expect(moved.map((m) => m.ticketId)).toContain(jana);
    expect(moved.map((m) => m.ticketId)).not.toContain(lucies);
    expect(moved.map((m) => email(m.from ?? ''))).not.toContain('lucie.prochazkova@switchboard.example');
  });
});
