// The provider's people: groups per desk, three shifts covering the clock, and a roster of agents.
// The four demo logins are fixed (their e-mails are the ones the README and the tests use); the rest of
// the roster is spread so every shift has a supervisor and the Service Desk is staffed at night.
import type { Agent, Group, Role, Shift } from '../../shared/schemas/entities';
import type { Desk } from '../../shared/schemas/common';
import { TIME_ZONE } from './organizations';
import type { Rng } from './prng';

export const GROUPS = {
  sdL1: { name: 'Service Desk L1', desk: 'service' },
  sdL2: { name: 'Service Desk L2', desk: 'service' },
  network: { name: 'Network', desk: 'service' },
  workplace: { name: 'Workplace', desk: 'service' },
  applications: { name: 'Applications', desk: 'service' },
  identity: { name: 'Identity & Access', desk: 'service' },
  field: { name: 'Field Services', desk: 'service' },
  billing: { name: 'Help Desk – Billing', desk: 'help' },
  technical: { name: 'Help Desk – Technical', desk: 'help' },
  contracts: { name: 'Help Desk – Contracts', desk: 'help' },
  complaints: { name: 'Help Desk – Complaints', desk: 'help' },
} as const satisfies Record<string, { name: string; desk: Desk }>;

export type GroupKey = keyof typeof GROUPS;

const SHIFTS = {
  early: { name: 'Early', start: '06:00', end: '14:00' },
  late: { name: 'Late', start: '14:00', end: '22:00' },
  night: { name: 'Night', start: '22:00', end: '06:00' },
} as const;

type ShiftKey = keyof typeof SHIFTS;

type RosterEntry = {
  name: string;
  email: string;
  role: Role;
  desks: readonly Desk[];
  groups: readonly GroupKey[];
  shift: ShiftKey | null;
  skills: readonly string[];
  capacity: number;
  away?: boolean;
};

const BOTH: readonly Desk[] = ['service', 'help'];
const SERVICE: readonly Desk[] = ['service'];
const HELP: readonly Desk[] = ['help'];

/** The demo logins (password `demo`, set by whoever inserts these rows). */
export const DEMO_LOGINS = {
  agent: 'agent@example.com',
  supervisor: 'supervisor@example.com',
  tech: 'tech@example.com',
  admin: 'admin@example.com',
} as const;

const ROSTER: readonly RosterEntry[] = [
  { name: 'Jana Nováková', email: DEMO_LOGINS.agent, role: 'agent', desks: BOTH, groups: ['sdL1', 'billing'], shift: 'early', skills: ['VPN', 'E-mail', 'Billing', 'Metering', 'cs', 'en'], capacity: 20 },
  { name: 'Petr Svoboda', email: DEMO_LOGINS.supervisor, role: 'supervisor', desks: BOTH, groups: ['sdL1', 'sdL2', 'technical'], shift: 'early', skills: ['Network', 'Outages', 'cs', 'en'], capacity: 8 },
  { name: 'Tomáš Dvořák', email: DEMO_LOGINS.tech, role: 'field_tech', desks: SERVICE, groups: ['field', 'workplace'], shift: 'early', skills: ['Printing', 'Workstations', 'Wi-Fi', 'on-site', 'cs'], capacity: 12 },
  { name: 'Eva Černá', email: DEMO_LOGINS.admin, role: 'admin', desks: BOTH, groups: [], shift: null, skills: ['Active Directory', 'cs', 'en'], capacity: 5 },

  { name: 'Lucie Procházková', email: 'lucie.prochazkova@switchboard.example', role: 'agent', desks: SERVICE, groups: ['sdL1'], shift: 'early', skills: ['E-mail', 'Microsoft Teams', 'Accounts & Access', 'cs'], capacity: 20 },
  { name: 'Martin Kučera', email: 'martin.kucera@switchboard.example', role: 'agent', desks: SERVICE, groups: ['network', 'sdL2'], shift: 'early', skills: ['VPN', 'Wi-Fi', 'Network', 'Monitoring', 'cs', 'en'], capacity: 15 },
  { name: 'Kateřina Veselá', email: 'katerina.vesela@switchboard.example', role: 'agent', desks: HELP, groups: ['billing', 'contracts'], shift: 'early', skills: ['Billing', 'Payments', 'Contracts & Tariffs', 'cs'], capacity: 20 },
  { name: 'Jakub Horák', email: 'jakub.horak@switchboard.example', role: 'agent', desks: HELP, groups: ['technical'], shift: 'early', skills: ['Metering', 'Outages', 'Customer Portal', 'cs', 'en'], capacity: 18 },
  { name: 'Lenka Marková', email: 'lenka.markova@switchboard.example', role: 'supervisor', desks: HELP, groups: ['complaints', 'billing'], shift: 'early', skills: ['Complaints', 'Billing', 'cs'], capacity: 8 },
  { name: 'Michal Pokorný', email: 'michal.pokorny@switchboard.example', role: 'field_tech', desks: SERVICE, groups: ['field', 'workplace'], shift: 'early', skills: ['Printing', 'Workstations', 'on-site', 'cs'], capacity: 12 },

  { name: 'Markéta Němcová', email: 'marketa.nemcova@switchboard.example', role: 'supervisor', desks: BOTH, groups: ['sdL1', 'complaints'], shift: 'late', skills: ['Complaints', 'Accounts & Access', 'cs', 'en'], capacity: 8 },
  { name: 'Ondřej Marek', email: 'ondrej.marek@switchboard.example', role: 'agent', desks: SERVICE, groups: ['sdL1', 'identity'], shift: 'late', skills: ['Active Directory', 'MFA', 'Accounts & Access', 'cs'], capacity: 20 },
  { name: 'Veronika Pospíšilová', email: 'veronika.pospisilova@switchboard.example', role: 'agent', desks: SERVICE, groups: ['workplace', 'sdL1'], shift: 'late', skills: ['Printing', 'Workstations', 'Microsoft Teams', 'cs', 'en'], capacity: 18 },
  { name: 'David Hájek', email: 'david.hajek@switchboard.example', role: 'agent', desks: SERVICE, groups: ['applications', 'sdL2'], shift: 'late', skills: ['SAP S/4HANA', 'SAP ECC', 'Helios Green', 'Business Applications', 'cs'], capacity: 15 },
  { name: 'Tereza Jelínková', email: 'tereza.jelinkova@switchboard.example', role: 'agent', desks: HELP, groups: ['billing'], shift: 'late', skills: ['Billing', 'Payments', 'cs', 'en'], capacity: 20 },
  { name: 'Filip Král', email: 'filip.kral@switchboard.example', role: 'agent', desks: HELP, groups: ['technical'], shift: 'late', skills: ['Outages', 'Metering', 'Fotovoltaika – výkup přetoků', 'cs'], capacity: 18 },
  { name: 'Barbora Růžičková', email: 'barbora.ruzickova@switchboard.example', role: 'agent', desks: HELP, groups: ['contracts', 'complaints'], shift: 'late', skills: ['Contracts & Tariffs', 'Moving', 'Complaints', 'cs'], capacity: 18 },
  { name: 'Radek Beneš', email: 'radek.benes@switchboard.example', role: 'field_tech', desks: SERVICE, groups: ['field', 'network'], shift: 'late', skills: ['Wi-Fi', 'Network', 'on-site', 'cs'], capacity: 12, away: true },

  { name: 'Jiří Fiala', email: 'jiri.fiala@switchboard.example', role: 'supervisor', desks: SERVICE, groups: ['sdL1', 'sdL2'], shift: 'night', skills: ['Monitoring', 'Network', 'cs', 'en'], capacity: 8 },
  { name: 'Pavel Sedláček', email: 'pavel.sedlacek@switchboard.example', role: 'agent', desks: SERVICE, groups: ['sdL1', 'network'], shift: 'night', skills: ['Monitoring', 'VPN', 'Network', 'cs'], capacity: 15 },
  { name: 'Monika Doležalová', email: 'monika.dolezalova@switchboard.example', role: 'agent', desks: SERVICE, groups: ['sdL1'], shift: 'night', skills: ['E-mail', 'Accounts & Access', 'cs', 'en'], capacity: 20 },
  { name: 'Lukáš Zeman', email: 'lukas.zeman@switchboard.example', role: 'agent', desks: SERVICE, groups: ['identity', 'sdL1'], shift: 'night', skills: ['Active Directory', 'MFA', 'cs'], capacity: 18 },
  { name: 'Zdeněk Kolář', email: 'zdenek.kolar@switchboard.example', role: 'agent', desks: SERVICE, groups: ['sdL2', 'applications'], shift: 'night', skills: ['Monitoring', 'Business Applications', 'Helios Orange', 'cs'], capacity: 15 },
  { name: 'Hana Navrátilová', email: 'hana.navratilova@switchboard.example', role: 'agent', desks: SERVICE, groups: ['sdL1', 'workplace'], shift: 'night', skills: ['Workstations', 'Printing', 'cs'], capacity: 18, away: true },
];

export type Staff = {
  groups: Group[];
  shifts: Shift[];
  agents: Agent[];
  groupIds: Record<GroupKey, string>;
  /** Who works each group (admins excluded: they do not take tickets). */
  members: Record<GroupKey, Agent[]>;
  byDesk: Record<Desk, Agent[]>;
  fieldTechs: Agent[];
  supervisors: Agent[];
};

export function buildStaff(rng: Rng): Staff {
  const groupIds = {} as Record<GroupKey, string>;
  const groups: Group[] = [];
  for (const key of Object.keys(GROUPS) as GroupKey[]) {
    const g = GROUPS[key];
    const id = rng.uuid();
    groupIds[key] = id;
    groups.push({ id, name: g.name, desk: g.desk });
  }
  const shiftIds = {} as Record<ShiftKey, string>;
  const shifts: Shift[] = [];
  for (const key of Object.keys(SHIFTS) as ShiftKey[]) {
    const id = rng.uuid();
    shiftIds[key] = id;
    shifts.push({ id, ...SHIFTS[key], timeZone: TIME_ZONE });
  }
  const members = Object.fromEntries(Object.keys(GROUPS).map((k) => [k, [] as Agent[]])) as unknown as Record<GroupKey, Agent[]>;
  const byDesk: Record<Desk, Agent[]> = { service: [], help: [] };
  const agents = ROSTER.map((r): Agent => {
    const agent: Agent = {
      id: rng.uuid(),
      name: r.name,
      email: r.email,
      role: r.role,
      desks: [...r.desks],
      groupIds: r.groups.map((g) => groupIds[g]),
      shiftId: r.shift === null ? null : shiftIds[r.shift],
      skills: [...r.skills],
      capacity: r.capacity,
      away: r.away ?? false,
    };
    if (r.role !== 'admin') {
      for (const g of r.groups) members[g].push(agent);
      for (const d of r.desks) byDesk[d].push(agent);
    }
    return agent;
  });
  return {
    groups,
    shifts,
    agents,
    groupIds,
    members,
    byDesk,
    fieldTechs: agents.filter((a) => a.role === 'field_tech'),
    supervisors: agents.filter((a) => a.role === 'supervisor'),
  };
}
