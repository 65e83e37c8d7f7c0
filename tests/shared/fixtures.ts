// Tiny builders of valid entities for the shared-rule tests: fixed ids, a fixed clock, and tickets made
// by running `ticket.create` itself. Every fixture goes through its zod schema, so one that drifts from
// the schema fails loudly instead of quietly testing something the server would never hold.
import { expect } from 'vitest';
import { MutationArgs, type ArgsOf, type Mutation, type MutationName } from '../../shared/protocol/mutations';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { MutationContext, Outcome } from '../../shared/rules/outcome';
import { Agent, Article, Organization, Shift, type Role } from '../../shared/schemas/entities';
import { HelpTicket, ServiceTicket, Ticket } from '../../shared/schemas/ticket';

/** Monday 3 March 2025, 10:00 in Prague (UTC+1): inside the Help Desk's business hours. */
export const NOW = '2025-03-03T09:00:00.000Z';
export const LATER = '2025-03-03T10:00:00.000Z';
export const LATEST = '2025-03-03T11:00:00.000Z';

/** Hand-written UUIDs: v7 for entities, v4 for the device. */
export const ID = {
  agent: '0195b3a0-1c00-7a00-8a00-000000000001',
  helpAgent: '0195b3a0-1c00-7a00-8a00-000000000002',
  fieldTech: '0195b3a0-1c00-7a00-8a00-000000000003',
  supervisor: '0195b3a0-1c00-7a00-8a00-000000000004',
  admin: '0195b3a0-1c00-7a00-8a00-000000000005',
  otherAgent: '0195b3a0-1c00-7a00-8a00-000000000006',
  serviceOrg: '0195b3a0-1c00-7b00-9b00-0000000000a1',
  helpOrg: '0195b3a0-1c00-7b00-9b00-0000000000a2',
  dayShift: '0195b3a0-1c00-7c00-ac00-0000000000d1',
  nightShift: '0195b3a0-1c00-7c00-ac00-0000000000d2',
  group: '0195b3a0-1c00-7c00-ac00-0000000000e1',
  serviceTicket: '0195b3a0-1c00-7d00-bd00-0000000000c1',
  helpTicket: '0195b3a0-1c00-7d00-bd00-0000000000c2',
  article: '0195b3a0-1c00-7e00-8e00-0000000000f1',
  comment: '0195b3a0-1c00-7f00-9f00-000000000101',
  worklog: '0195b3a0-1c00-7f00-9f00-000000000102',
  attachment: '0195b3a0-1c00-7f00-9f00-000000000103',
  mutation: '0195b3a0-1c00-7f00-9f00-000000000201',
  client: '3f0e8d52-6c1b-4a7e-9d2f-1b2c3d4e5f60',
} as const;

export const SHA256 = 'a'.repeat(64);

export function makeAgent(fields: { id: string; name: string; role: Role } & Partial<Agent>): Agent {
  return Agent.parse({
    email: `${fields.name.toLowerCase().replace(/\W+/g, '.')}@switchboard.test`,
    desks: ['service', 'help'],
    groupIds: [],
    shiftId: ID.dayShift,
    ...fields,
  });
}

export const agents = {
  /** Works both desks. */
  agent: makeAgent({ id: ID.agent, name: 'Alice Agent', role: 'agent' }),
  /** Works the Help Desk only. */
  helpAgent: makeAgent({ id: ID.helpAgent, name: 'Hana Help', role: 'agent', desks: ['help'] }),
  /** Lists both desks, yet field work is Service Desk work. */
  fieldTech: makeAgent({ id: ID.fieldTech, name: 'Filip Field', role: 'field_tech' }),
  supervisor: makeAgent({ id: ID.supervisor, name: 'Sara Supervisor', role: 'supervisor' }),
  /** Lists the Service Desk only, yet an admin sees both desks. */
  admin: makeAgent({ id: ID.admin, name: 'Adam Admin', role: 'admin', desks: ['service'] }),
  otherAgent: makeAgent({ id: ID.otherAgent, name: 'Otto Other', role: 'agent' }),
};

export const agentMap = (...list: Agent[]): ReadonlyMap<string, Agent> => new Map(list.map((a) => [a.id, a]));
export const ALL_AGENTS = agentMap(...Object.values(agents));

export const serviceOrg = Organization.parse({
  id: ID.serviceOrg,
  name: 'Acme s.r.o.',
  desk: 'service',
  timeZone: 'Europe/Prague',
  departments: ['Finance', 'IT'],
  locations: ['Praha', 'Brno'],
  services: ['VPN', 'ERP'],
});

export const helpOrg = Organization.parse({
  id: ID.helpOrg,
  name: 'Mobile Operator a.s.',
  desk: 'help',
  timeZone: 'Europe/Prague',
  departments: [],
  locations: [],
  services: [],
});

export const ORGANIZATIONS = [serviceOrg, helpOrg];

export const dayShift = Shift.parse({ id: ID.dayShift, name: 'Day', start: '06:00', end: '18:00', timeZone: 'Europe/Prague' });
export const nightShift = Shift.parse({ id: ID.nightShift, name: 'Night', start: '18:00', end: '06:00', timeZone: 'Europe/Prague' });

export const article = Article.parse({
  id: ID.article,
  title: 'Printer shows offline',
  body: 'Restart the print spooler, then re-add the printer.',
  desk: 'service',
  language: 'en',
  category: 'Printing',
  tags: ['printer'],
  state: 'draft',
  authorId: ID.agent,
  version: 3,
  updatedAt: NOW,
});
export const publishedArticle = Article.parse({ ...article, state: 'published' });

/** An authoritative (server) context; `now` is LATER so that changes are visibly stamped. */
export function context(actor: Agent, extra: Partial<MutationContext> = {}): MutationContext {
  return { actor, now: LATER, mode: 'authoritative', agents: ALL_AGENTS, organizations: ORGANIZATIONS, ...extra };
}

/** A mutation as it sits in the outbox; its args are validated by the protocol schema first. */
export function mutation<N extends MutationName>(name: N, args: ArgsOf<N>, seq = 1): Mutation {
  const parsed: unknown = MutationArgs[name].parse(args);
  return { id: ID.mutation, seq, name, args: parsed, at: NOW } as Mutation;
}

/** Narrows an outcome to the status the test expects, showing the whole outcome when it is another. */
export function expectStatus<S extends Outcome['status']>(outcome: Outcome, status: S): Extract<Outcome, { status: S }> {
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ status });
  return outcome as Extract<Outcome, { status: S }>;
}

/** The ticket rows an outcome writes, validated. */
export function ticketPuts(outcome: Outcome): Ticket[] {
  if (outcome.status === 'rejected') return [];
  return outcome.puts.filter((p) => p.entity === 'ticket').map((p) => Ticket.parse(p.data));
}

/** The one ticket row an outcome writes. */
export function ticketPut(outcome: Outcome): Ticket {
  const puts = ticketPuts(outcome);
  expect(puts).toHaveLength(1);
  return puts[0] as Ticket;
}

type ServiceCreate = Extract<ArgsOf<'ticket.create'>, { desk: 'service' }>;
type HelpCreate = Extract<ArgsOf<'ticket.create'>, { desk: 'help' }>;

export const serviceCreateArgs: ServiceCreate = {
  id: ID.serviceTicket,
  desk: 'service',
  type: 'incident',
  subject: 'VPN drops every few minutes',
  description: 'Since this morning the VPN client disconnects.',
  requester: {
    kind: 'employee',
    name: 'Jana Nováková',
    email: 'jana.novakova@acme.test',
    organizationId: ID.serviceOrg,
    department: 'Finance',
    location: 'Praha',
  },
  channel: 'portal',
  impact: 'medium',
  urgency: 'medium',
  service: 'VPN',
};

export const helpCreateArgs: HelpCreate = {
  id: ID.helpTicket,
  desk: 'help',
  type: 'fault',
  subject: 'No signal since yesterday',
  description: 'The phone shows no signal at home.',
  requester: {
    kind: 'customer',
    name: 'Karel Dvořák',
    phone: '+420 601 234 567',
    email: 'karel@example.test',
    accountNumber: 'ACC-778812',
    tier: 'gold',
    contract: 'Unlimited 2025',
  },
  channel: 'phone',
  priority: 'P2',
  product: 'Mobile tariff',
};

const keys = { service: 'SD-1042', help: 'HD-2231' } as const;

function created(args: ArgsOf<'ticket.create'>, actor: Agent): Ticket {
  const outcome = applyMutation(mutation('ticket.create', args), context(actor, { now: NOW, nextKey: (desk) => keys[desk] }));
  return ticketPut(expectStatus(outcome, 'applied'));
}

/** A Service Desk ticket as the server holds it right after `ticket.create` (version 1, created at NOW). */
export function serviceTicket(overrides: Partial<ServiceCreate> = {}, actor: Agent = agents.agent): ServiceTicket {
  return ServiceTicket.parse(created({ ...serviceCreateArgs, ...overrides }, actor));
}

/** A Help Desk ticket as the server holds it right after `ticket.create` (version 1, created at NOW). */
export function helpTicket(overrides: Partial<HelpCreate> = {}, actor: Agent = agents.agent): HelpTicket {
  return HelpTicket.parse(created({ ...helpCreateArgs, ...overrides }, actor));
}

/** A ticket in some later server state (assigned, resolved…), still validated as a ticket. */
export function ticketWith<T extends Ticket>(ticket: T, changes: Partial<T>): T {
  return Ticket.parse({ ...ticket, ...changes }) as T;
}
