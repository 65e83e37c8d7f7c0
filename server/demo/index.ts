// The demo data set: a pure, deterministic function of its options. It touches no database (the caller
// inserts the rows in bulk), reads no clock and no Math.random: `now` and `seed` decide everything, so the
// same options always give deep-equal data, ids included. Benchmarks call it with large ticket counts.
// Rows may share nested values (a returning requester is one object on all of their tickets), so treat
// the result as read-only, or clone a row before changing it in place.
import type { Agent, Article, Comment, Group, Organization, Shift, Worklog } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { generateArticles } from './articles';
import { CLIENTS, buildOrganizations, customerPool, employeePool } from './organizations';
import { createRng, deriveSeed } from './prng';
import { buildStaff } from './staff';
import { generateTickets } from './tickets';
import { isoClock } from './time';

export { DEMO_LOGINS } from './staff';

export type DemoOptions = {
  /** Tickets over both desks (about 60 % Service Desk); default 2,000. */
  tickets?: number;
  /** Knowledge-base articles; default 150. */
  articles?: number;
  /** An integer (its low 32 bits count); default 1. */
  seed?: number;
  /** The moment the data is "as of": tickets were created in the 30 days before it. */
  now: Date;
};

export type DemoData = {
  organizations: Organization[];
  groups: Group[];
  shifts: Shift[];
  agents: Agent[];
  tickets: Ticket[];
  comments: Comment[];
  worklogs: Worklog[];
  articles: Article[];
};

export const DEFAULT_TICKETS = 2000;
export const DEFAULT_ARTICLES = 150;
export const DEFAULT_SEED = 1;

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, not ${n}`);
  return n;
}

export function generateDemo(options: DemoOptions): DemoData {
  const tickets = count(options.tickets, DEFAULT_TICKETS, 'tickets');
  const articles = count(options.articles, DEFAULT_ARTICLES, 'articles');
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  const nowMs = options.now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now must be a valid Date');

  // Separate streams, so that asking for more articles does not reshuffle the organisations or staff.
  const stream = (label: string) => createRng(deriveSeed(seed, label));
  const reference = stream('reference');
  const { clients, supplier } = buildOrganizations(reference);
  const staff = buildStaff(reference);

  const iso = isoClock(nowMs);
  const kb = generateArticles(stream('articles'), articles, nowMs, iso, staff.agents);

  // Requesters come back: a pool of people per client and of customers, sized to the ticket count.
  const people = stream('people');
  const serviceTickets = Math.ceil(tickets * 0.6);
  const employeesPerClient = Math.min(3000, Math.max(40, Math.ceil(serviceTickets / 10)));
  const clientWorld = clients.map((org, i) => ({ org, profile: CLIENTS[i]!, employees: employeePool(people, org, CLIENTS[i]!, employeesPerClient) }));
  const customers = customerPool(people, Math.min(20_000, Math.max(100, Math.ceil((tickets - serviceTickets) * 0.6))));

  const out = generateTickets(stream('tickets'), tickets, { nowMs, iso, clients: clientWorld, supplier, customers, staff, articles: kb.index });

  return {
    organizations: [...clients, supplier],
    groups: staff.groups,
    shifts: staff.shifts,
    agents: staff.agents,
    tickets: out.tickets,
    comments: out.comments,
    worklogs: out.worklogs,
    articles: kb.articles,
  };
}
