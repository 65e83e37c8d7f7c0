// Tickets of both desks: one discriminated union by `desk`, because the desks differ in their types,
// requesters, channels and extra fields (DESIGN.md's table); everything else is common.
import { z } from 'zod';
import { LEVELS, PRIORITIES } from '../rules/priority';
import { STATUSES } from '../rules/status';
import { Body, Id, IsoTime, Line, Tags } from './common';

export const Level = z.enum(LEVELS);
export const Priority = z.enum(PRIORITIES);
export const Status = z.enum(STATUSES);

export const SERVICE_TYPES = ['incident', 'service_request', 'access_request', 'training_request', 'monitoring_alert'] as const;
export const HELP_TYPES = ['fault', 'question', 'complaint'] as const;
export const SERVICE_CHANNELS = ['portal', 'email', 'phone', 'monitoring'] as const;
export const HELP_CHANNELS = ['phone', 'email', 'web_form', 'chat'] as const;
export const CUSTOMER_TIERS = ['standard', 'gold', 'platinum'] as const;

export const Employee = z.object({
  kind: z.literal('employee'),
  name: Line(),
  email: z.email().max(254),
  organizationId: Id,
  department: Line().nullable(),
  location: Line().nullable(),
});
export type Employee = z.infer<typeof Employee>;

export const Customer = z.object({
  kind: z.literal('customer'),
  name: Line(),
  phone: z.string().trim().max(40).nullable(),
  email: z.email().max(254).nullable(),
  accountNumber: Line(40),
  tier: z.enum(CUSTOMER_TIERS),
  contract: Line(80).nullable(),
});
export type Customer = z.infer<typeof Customer>;

export const SlaPause = z.object({ from: IsoTime, to: IsoTime.nullable() });

/** SLA state kept on the ticket: pauses are the truth, due times are derived and indexed. */
export const TicketSla = z.object({
  firstResponseDueAt: IsoTime.nullable(),
  resolutionDueAt: IsoTime.nullable(),
  firstResponseAt: IsoTime.nullable(),
  resolvedAt: IsoTime.nullable(),
  pauses: z.array(SlaPause),
});
export type TicketSla = z.infer<typeof TicketSla>;

export const AlertInfo = z.object({
  source: Line(100),
  fingerprint: Line(200),
  severity: z.enum(['critical', 'warning', 'info']),
  firing: z.boolean(),
  occurrences: z.number().int().min(1),
});

/**
 * The shift handover that last gave the ticket an assignee: who ran it, when, and the ticket version it
 * wrote. The mark stays when the ticket changes hands again; it speaks for the current assignee only while
 * `fieldVersions.assigneeId` still equals its version.
 */
export const HandoverMark = z.object({ by: Id, at: IsoTime, version: z.number().int().min(1) });
export type HandoverMark = z.infer<typeof HandoverMark>;

const common = {
  id: Id,
  /** Human key from the server (SD-1042); null until a ticket made offline reaches the server. */
  key: z.string().nullable(),
  subject: Line(300),
  description: Body,
  status: Status,
  priority: Priority,
  assigneeId: Id.nullable(),
  groupId: Id.nullable(),
  organizationId: Id,
  category: Line(100).nullable(),
  tags: Tags,
  resolution: z.string().max(10_000).nullable(),
  articleIds: z.array(Id),
  sla: TicketSla,
  createdBy: Id.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Rises by one with every applied change; the base of field-level conflict detection. */
  version: z.number().int().min(0),
  /** The version at which each field last changed (only fields changed after creation). */
  fieldVersions: z.record(z.string(), z.number().int()),
  handover: HandoverMark.optional(),
};

export const ServiceTicket = z.object({
  ...common,
  desk: z.literal('service'),
  type: z.enum(SERVICE_TYPES),
  channel: z.enum(SERVICE_CHANNELS),
  requester: Employee,
  impact: Level,
  urgency: Level,
  /** A reason is present exactly when the agent overrode the matrix priority. */
  priorityReason: z.string().max(500).nullable(),
  service: Line(100).nullable(),
  configurationItem: Line(100).nullable(),
  alert: AlertInfo.nullable(),
});
export type ServiceTicket = z.infer<typeof ServiceTicket>;

export const HelpTicket = z.object({
  ...common,
  desk: z.literal('help'),
  type: z.enum(HELP_TYPES),
  channel: z.enum(HELP_CHANNELS),
  requester: Customer,
  product: Line(100).nullable(),
});
export type HelpTicket = z.infer<typeof HelpTicket>;

export const Ticket = z.discriminatedUnion('desk', [ServiceTicket, HelpTicket]);
export type Ticket = z.infer<typeof Ticket>;
export type TicketType = Ticket['type'];
export type Channel = Ticket['channel'];
