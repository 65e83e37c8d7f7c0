// What a ticket template may use. Texts are plain functions of a per-ticket context (no string
// templating engine, no regex), so filling one costs a template literal and nothing more.
import type { Level } from '../../shared/rules/priority';
import type { HELP_TYPES, SERVICE_TYPES } from '../../shared/schemas/ticket';
import type { AssetKind } from './organizations';
import { table, type Table } from './prng';
import type { GroupKey } from './staff';

export type Lang = 'cs' | 'en';

/** Shared by tickets and articles, so a ticket can link the articles written about its problem. */
export type Topic =
  | 'printer' | 'vpn' | 'password' | 'access' | 'outage' | 'email' | 'wifi' | 'mfa' | 'erp' | 'workstation'
  | 'teams' | 'files' | 'onboarding' | 'training' | 'monitoring'
  | 'billing' | 'meter' | 'tariff' | 'payment_plan' | 'moving' | 'outage_map' | 'portal' | 'solar' | 'advance' | 'complaint'
  | 'escalation' | 'verification';

export type TextCtx = {
  lang: Lang;
  /** The requester's full and first name. */
  name: string;
  first: string;
  female: boolean;
  /** Somebody else: a new colleague, the person who needs access. */
  person: string;
  floor: number;
  location: string;
  asset: string;
  room: string;
  software: string;
  dept: string;
  erp: string;
  n: number;
  amount: string;
  month: string;
  account: string;
  meter: string;
  street: string;
  domain: string;
};

export type ServiceTemplate = {
  type: Exclude<(typeof SERVICE_TYPES)[number], 'monitoring_alert'>;
  lang: Lang;
  topic: Topic;
  category: string;
  /** A catalogue service, or 'erp' for the client's own ERP. */
  service: string | null;
  group: GroupKey;
  asset: AssetKind | null;
  /** Fixed on site (printers, docks, cabling): field techs often take these. */
  onSite?: boolean;
  tags: readonly string[];
  impact: Table<Level>;
  urgency: Table<Level>;
  subject: (c: TextCtx) => string;
  description: (c: TextCtx) => string;
};

export type AlertTemplate = {
  /** Monitoring speaks English, except the checks a client's admins wrote in Czech. */
  lang: Lang;
  source: string;
  check: string;
  hostKind: 'server' | 'network';
  severity: 'critical' | 'warning' | 'info';
  service: string;
  group: GroupKey;
  topic: Topic;
  subject: (host: string, c: TextCtx) => string;
  description: (host: string, c: TextCtx) => string;
};

export type HelpTemplate = {
  type: (typeof HELP_TYPES)[number];
  lang: Lang;
  topic: Topic;
  category: string;
  /** A fixed product; 'contract' for the one on the customer's contract; 'electricity' for that or, for a gas-only customer, household power. */
  product: string | 'contract' | 'electricity' | null;
  group: GroupKey;
  severity: Table<Level>;
  tags: readonly string[];
  subject: (c: TextCtx) => string;
  description: (c: TextCtx) => string;
};

export const HIGH = table<Level>([['high', 6], ['medium', 3], ['low', 1]]);
export const MEDIUM = table<Level>([['high', 2], ['medium', 5], ['low', 3]]);
export const LOW = table<Level>([['high', 1], ['medium', 3], ['low', 6]]);
