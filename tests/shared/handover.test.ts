// shift.handover: every open ticket of the leaving shift's agents goes to an arriving agent who serves
// the ticket's desk. `balanced` takes the most urgent first and gives it to the least loaded (ties: the
// better skills match); `round_robin` deals in turn. Resolved and closed tickets stay where they are.
import { describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../shared/protocol/mutations';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import {
  agentMap, agents, context, dayShift, expectStatus, helpTicket, ID, LATER, makeAgent, mutation, nightShift, serviceTicket, ticketPuts, ticketWith,
} from './fixtures';

const A = {
  dana: '0195b3a0-1c00-7a00-8a00-000000000101',
  david: '0195b3a0-1c00-7a00-8a00-000000000102',
  alena: '0195b3a0-1c00-7a00-8a00-000000000103',
  nora: '0195b3a0-1c00-7a00-8a00-000000000104',
  petr: '0195b3a0-1c00-7a00-8a00-000000000105',
  filip: '0195b3a0-1c00-7a00-8a00-000000000106',
};
// At LATER (11:00 in Prague) the day shift is on and the night shift comes next; with no roster entries
// every agent works the usual shift (tests/shared/handover-crews.test.ts covers the roster).
const SHIFTS = new Map([dayShift, nightShift].map((s) => [s.id, s]));
const day = { shiftId: ID.dayShift };
const night = { shiftId: ID.nightShift };

// Leaving: Dana (both desks) and David (Service Desk).
const dana = makeAgent({ id: A.dana, name: 'Dana', role: 'agent', ...day });
const david = makeAgent({ id: A.david, name: 'David', role: 'agent', desks: ['service'], ...day });
// Arriving: Alena is away; Nora works both desks and knows networks; Petr works the Service Desk and knows the ERP.
const alena = makeAgent({ id: A.alena, name: 'Alena', role: 'agent', away: true, ...night });
const nora = makeAgent({ id: A.nora, name: 'Nora', role: 'agent', skills: ['Network'], ...night });
const petr = makeAgent({ id: A.petr, name: 'Petr', role: 'agent', desks: ['service'], skills: ['ERP'], ...night });
// Otto belongs to no shift: a handover never touches his work.
const otto = makeAgent({ id: ID.otherAgent, name: 'Otto', role: 'agent', shiftId: null });
// A field tech whose profile lists both desks: field work is Service Desk work only.
const filip = makeAgent({ id: A.filip, name: 'Filip', role: 'field_tech', ...night });

const tid = (n: number) => `0195b3a0-1c00-7d00-bd00-00000000${String(n).padStart(4, '0')}`;
const S1 = tid(1); // P1, Dana, open
const S3 = tid(13); // P2, ERP, David, new (its id sorts after H1's: only the due time puts it first)
const H1 = tid(11); // help P2, Dana, pending
const S2 = tid(2); // P3, Network, Dana, on hold
const S4 = tid(4); // P4, David, open
const R1 = tid(21); // resolved, Dana
const C1 = tid(22); // closed, David
const E1 = tid(31); // Nora's own open ticket
const X1 = tid(32); // Otto's (no shift) open ticket

const assigned = <T extends Ticket>(t: T, assigneeId: string, status: Ticket['status']): T => ticketWith(t, { assigneeId, status } as Partial<T>);

function allTickets(): Map<string, Ticket> {
  const list: Ticket[] = [
    assigned(serviceTicket({ id: S1, impact: 'high', urgency: 'high' }), A.dana, 'open'),
    assigned(serviceTicket({ id: S3, impact: 'high', urgency: 'medium', service: 'ERP' }), A.david, 'new'),
    assigned(helpTicket({ id: H1, priority: 'P2' }), A.dana, 'pending'),
    assigned(serviceTicket({ id: S2, category: 'Network' }), A.dana, 'on_hold'),
    assigned(serviceTicket({ id: S4, impact: 'low', urgency: 'low' }), A.david, 'open'),
    assigned(serviceTicket({ id: R1, impact: 'high', urgency: 'high' }), A.dana, 'resolved'),
    assigned(serviceTicket({ id: C1, impact: 'high', urgency: 'high' }), A.david, 'closed'),
    assigned(serviceTicket({ id: E1, impact: 'low', urgency: 'low' }), A.nora, 'open'),
    assigned(serviceTicket({ id: X1, impact: 'high', urgency: 'high' }), ID.otherAgent, 'open'),
  ];
  return new Map(list.map((t) => [t.id, t]));
}

function handover(args: Partial<ArgsOf<'shift.handover'>>, team: Agent[] = [dana, david, alena, nora, petr]) {
  const full = { fromShiftId: ID.dayShift, toShiftId: ID.nightShift, strategy: 'balanced' as const, ...args };
  return applyMutation(
    mutation('shift.handover', full),
    context(agents.supervisor, { agents: agentMap(agents.supervisor, otto, ...team), tickets: allTickets(), shifts: SHIFTS }),
  );
}

const movesOf = (out: ReturnType<typeof handover>) => (expectStatus(out, 'applied').details as { moved: unknown[] }).moved;

describe('shift.handover, balanced', () => {
  it('gives the most urgent ticket first to the least loaded arriving agent, ties to the better skills match', () => {
    expect(movesOf(handover({ strategy: 'balanced' }))).toEqual([
      { ticketId: S1, from: A.dana, to: A.petr }, // P1: Petr carries nothing, Nora already has E1
      { ticketId: S3, from: A.david, to: A.petr }, // P2 due first: both carry one, Petr knows the ERP
      { ticketId: H1, from: A.dana, to: A.nora }, // P2 help: only Nora serves the Help Desk
      { ticketId: S2, from: A.dana, to: A.nora }, // P3: both carry two, Nora knows networks
      { ticketId: S4, from: A.david, to: A.petr }, // P4: Petr carries two, Nora three
    ]);
  });

  it('leaves resolved and closed tickets, and tickets of other shifts, where they are', () => {
    const out = expectStatus(handover({}), 'applied');
    const written = ticketPuts(out).map((t) => t.id);
    expect(written).toEqual([S1, S3, H1, S2, S4]);
    for (const stays of [R1, C1, E1, X1]) expect(written).not.toContain(stays);
  });

  it('writes each moved ticket with its new assignee and a raised version, and a history line per move', () => {
    const out = expectStatus(handover({ note: 'Printer outage in Brno is ongoing' }), 'applied');
    const s1 = ticketPuts(out).find((t) => t.id === S1);
    expect(s1).toMatchObject({ assigneeId: A.petr, status: 'open', version: 2, updatedAt: LATER, fieldVersions: { assigneeId: 2 } });
    // Marked with who handed it over, so the arriving agent's console can say so.
    expect(s1?.handover).toEqual({ by: agents.supervisor.id, at: LATER, version: 2 });
    expect(out.audit).toContainEqual({
      ticketId: S1,
      outcome: 'applied',
      before: { assigneeId: A.dana },
      after: { assigneeId: A.petr, handover: 'Printer outage in Brno is ongoing' },
    });
    expect(out.audit).toHaveLength(5);
  });

  it('follows the supervisor’s overrides where the chosen agent serves the desk', () => {
    expect(movesOf(handover({ overrides: { [S2]: A.petr, [H1]: A.petr } }))).toEqual([
      { ticketId: S1, from: A.dana, to: A.petr },
      { ticketId: S3, from: A.david, to: A.petr },
      { ticketId: H1, from: A.dana, to: A.nora }, // Petr does not serve the Help Desk: the strategy decides
      { ticketId: S2, from: A.dana, to: A.petr },
      { ticketId: S4, from: A.david, to: A.nora },
    ]);
  });
});

describe('shift.handover, round robin', () => {
  it('deals the tickets in turn, most urgent first, per desk', () => {
    expect(movesOf(handover({ strategy: 'round_robin' }))).toEqual([
      { ticketId: S1, from: A.dana, to: A.nora },
      { ticketId: S3, from: A.david, to: A.petr },
      { ticketId: H1, from: A.dana, to: A.nora },
      { ticketId: S2, from: A.dana, to: A.nora },
      { ticketId: S4, from: A.david, to: A.petr },
    ]);
  });
});

describe('shift.handover, who can take a ticket', () => {
  it('never gives work to an arriving agent who is away', () => {
    for (const strategy of ['balanced', 'round_robin'] as const) {
      const moves = movesOf(handover({ strategy })) as Array<{ to: string }>;
      expect(moves.map((m) => m.to)).not.toContain(A.alena);
    }
  });

  it('does not give a Help Desk ticket to a field tech, whatever the tech’s profile lists', () => {
    const out = expectStatus(handover({}, [dana, david, filip, petr]), 'applied');
    const details = out.details as { moved: Array<{ ticketId: string; to: string }>; unplaced: string[] };
    expect(details.unplaced).toEqual([H1]);
    expect(details.moved.map((m) => m.ticketId)).toEqual([S1, S3, S2, S4]);
    expect(ticketPuts(out).map((t) => t.id)).not.toContain(H1);
  });

  it('leaves a ticket unplaced when nobody arriving serves its desk', () => {
    const out = expectStatus(handover({}, [dana, david, petr]), 'applied');
    expect((out.details as { unplaced: string[] }).unplaced).toEqual([H1]);
  });

  it('refuses a shift that does not exist', () => {
    const out = handover({ toShiftId: ID.otherAgent });
    expect(expectStatus(out, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.toShiftId' }] });
  });

  it('refuses a handover from a shift to itself', () => {
    const out = handover({ toShiftId: ID.dayShift });
    expect(expectStatus(out, 'rejected').error).toMatchObject({ code: 'invalid_request', details: [{ path: 'args.toShiftId' }] });
  });
});
