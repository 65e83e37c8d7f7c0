// The steps of a convergence schedule, as plain data with a one-line description each, so a failing
// schedule shrinks to something a person can read ("tech: worklog on T0", "server restarts", …).
import fc from 'fast-check';
import type { Network } from './console-harness';

export const WHO = ['agent', 'agent2', 'tech', 'sup'] as const;
export type Who = (typeof WHO)[number];

/** Tickets of a schedule: T0 (Service Desk) and T1 (Help Desk) exist from the start; T2, T3 are made in it. */
export type TicketRef = number;

export type Step =
  | { do: 'idle' }
  | { do: 'comment'; who: Who; t: TicketRef; visibility: 'public' | 'internal' }
  | { do: 'worklog'; who: Who; t: TicketRef }
  | { do: 'update'; who: Who; t: TicketRef; field: 'subject' | 'tags' }
  | { do: 'status'; who: Who; t: TicketRef; pick: number }
  | { do: 'take'; who: Who; t: TicketRef }
  | { do: 'release'; who: Who; t: TicketRef }
  | { do: 'assignOther'; who: Exclude<Who, 'sup'>; t: TicketRef }
  | { do: 'create'; who: Who; desk: 'service' | 'help' }
  | { do: 'reassign'; t: TicketRef; to: Who | 'other' | 'nobody' }
  | { do: 'net'; who: Who; mode: Network }
  | { do: 'sync'; who: Who }
  | { do: 'background'; who: Who }
  | { do: 'duplicate'; who: Who }
  | { do: 'crash'; who: Who; after: number; lose: boolean }
  | { do: 'reload'; who: Who }
  | { do: 'restart' }
  | { do: 'resolve'; who: Who; how: 'keepMine' | 'takeTheirs' | 'retry' | 'discard' };

export function describeStep(s: Step): string {
  const T = (t: TicketRef) => `T${t}`;
  switch (s.do) {
    case 'idle': return '(nothing)';
    case 'comment': return `${s.who}: ${s.visibility} comment on ${T(s.t)}`;
    case 'worklog': return `${s.who}: worklog on ${T(s.t)}`;
    case 'update': return `${s.who}: update ${s.field} of ${T(s.t)}`;
    case 'status': return `${s.who}: status of ${T(s.t)} → next #${s.pick}`;
    case 'take': return `${s.who}: take ${T(s.t)}`;
    case 'release': return `${s.who}: unassign self from ${T(s.t)}`;
    case 'assignOther': return `${s.who}: assign ${T(s.t)} to someone else (forbidden)`;
    case 'create': return `${s.who}: create a ${s.desk} ticket`;
    case 'reassign': return `sup: reassign ${T(s.t)} to ${s.to}, then sync`;
    case 'net': return `${s.who}: network ${s.mode}`;
    case 'sync': return `${s.who}: sync`;
    case 'background': return `${s.who}: sync starts (what follows runs while it is in flight)`;
    case 'duplicate': return `${s.who}: push with the answer lost, then the same batch again online`;
    case 'crash': return `${s.who}: sync with ${s.after} request(s) through, the next ${s.lose ? 'reaching the server but its answer lost' : 'never sent'}, then crash`;
    case 'reload': return `${s.who}: reload`;
    case 'restart': return 'server restarts';
    case 'resolve': return `${s.who}: ${s.how}`;
  }
}

const who = fc.constantFrom(...WHO);
// Mostly T0, which every console sees, so that edits meet: that is where conflicts come from.
const ticket = fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.constantFrom(2, 3) });

const steps: Array<fc.WeightedArbitrary<Step>> = [
  // First, so that shrinking turns steps a failure does not need into this (withCrossShrink below).
  { weight: 1, arbitrary: fc.constant({ do: 'idle' as const }) },
  { weight: 8, arbitrary: fc.record({ do: fc.constant('comment' as const), who, t: ticket, visibility: fc.constantFrom('public' as const, 'internal' as const) }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('worklog' as const), who, t: ticket }) },
  { weight: 14, arbitrary: fc.record({ do: fc.constant('update' as const), who, t: ticket, field: fc.constantFrom('subject' as const, 'tags' as const) }) },
  { weight: 12, arbitrary: fc.record({ do: fc.constant('status' as const), who, t: ticket, pick: fc.nat(3) }) },
  { weight: 8, arbitrary: fc.record({ do: fc.constant('take' as const), who, t: ticket }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('release' as const), who, t: ticket }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('assignOther' as const), who: fc.constantFrom('agent' as const, 'agent2' as const, 'tech' as const), t: ticket }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('create' as const), who, desk: fc.constantFrom('service' as const, 'help' as const) }) },
  { weight: 8, arbitrary: fc.record({ do: fc.constant('reassign' as const), t: ticket, to: fc.constantFrom('agent' as const, 'tech' as const, 'sup' as const, 'other' as const, 'nobody' as const) }) },
  { weight: 8, arbitrary: fc.record({ do: fc.constant('net' as const), who, mode: fc.constantFrom<Network>('offline', 'online', 'lose-answers') }) },
  { weight: 7, arbitrary: fc.record({ do: fc.constant('sync' as const), who }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('background' as const), who }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('duplicate' as const), who }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('crash' as const), who, after: fc.nat(3), lose: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('reload' as const), who }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('restart' as const) }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('resolve' as const), who, how: fc.constantFrom('keepMine' as const, 'takeTheirs' as const, 'retry' as const, 'discard' as const) }) },
];

/** One step, printed by fast-check through its description. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof({ withCrossShrink: true }, ...steps).map((s) => Object.assign({ ...s }, { [fc.toStringMethod]: () => describeStep(s) }));
