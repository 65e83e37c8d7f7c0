// The named mutations of PROTOCOL.md: each name with the zod schema of its `args`. The console writes
// them to its outbox, the server re-runs them under its own rules (DESIGN.md, sync rule 1).
import { z } from 'zod';
import { Body, Id, IsoTime, Line, Tags } from '../schemas/common';
import { ArticleDesk, Language, RosterDate } from '../schemas/entities';
import { invalidRequest, type ProtocolError } from './errors';
import {
  Customer, Employee, HELP_CHANNELS, HELP_TYPES, Level, Priority, SERVICE_CHANNELS, SERVICE_TYPES, Status,
} from '../schemas/ticket';

const serviceCreate = z.object({
  id: Id,
  desk: z.literal('service'),
  type: z.enum(SERVICE_TYPES),
  subject: Line(300),
  description: Body,
  requester: Employee,
  channel: z.enum(SERVICE_CHANNELS),
  impact: Level.optional(),
  urgency: Level.optional(),
  priority: Priority.optional(),
  priorityReason: z.string().trim().min(1).max(500).optional(),
  category: Line(100).optional(),
  service: Line(100).optional(),
  configurationItem: Line(100).optional(),
  tags: Tags.optional(),
});

const helpCreate = z.object({
  id: Id,
  desk: z.literal('help'),
  type: z.enum(HELP_TYPES),
  subject: Line(300),
  description: Body,
  requester: Customer,
  channel: z.enum(HELP_CHANNELS),
  priority: Priority.optional(),
  category: Line(100).optional(),
  product: Line(100).optional(),
  tags: Tags.optional(),
});

/** Ticket fields an agent edits with `ticket.update`; the conflict unit is one field. */
export const TicketFields = z
  .object({
    subject: Line(300),
    description: Body,
    type: z.string().max(40),
    impact: Level,
    urgency: Level,
    priority: Priority,
    priorityReason: z.string().max(500).nullable(),
    category: Line(100).nullable(),
    service: Line(100).nullable(),
    product: Line(100).nullable(),
    tags: Tags,
  })
  .partial()
  .strict()
  .refine((f) => Object.keys(f).length > 0, { message: 'At least one field' });
export type TicketFields = z.infer<typeof TicketFields>;
export type TicketField = keyof TicketFields;

export const MutationArgs = {
  'ticket.create': z.discriminatedUnion('desk', [serviceCreate, helpCreate]),
  'ticket.update': z.object({ ticketId: Id, baseVersion: z.number().int().min(0), fields: TicketFields }),
  'ticket.assign': z.object({
    ticketId: Id,
    assigneeId: Id.nullable(),
    groupId: Id.nullable().optional(),
    expectedAssigneeId: Id.nullable(),
  }),
  'ticket.setStatus': z.object({
    ticketId: Id,
    status: Status,
    expectedStatus: Status,
    resolution: z.string().trim().max(10_000).optional(),
  }),
  'comment.add': z.object({ id: Id, ticketId: Id, body: Body.min(1), visibility: z.enum(['public', 'internal']) }),
  'worklog.add': z.object({
    id: Id,
    ticketId: Id,
    minutes: z.number().int().min(1).max(24 * 60),
    note: z.string().max(2000),
    onSite: z.boolean(),
    startedAt: IsoTime,
  }),
  'attachment.add': z.object({
    id: Id,
    ticketId: Id,
    fileName: Line(255),
    mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).max(100),
    // The size limit is a domain rule checked when the mutation runs, so an oversized file is a
    // `rejected` result with its reason rather than a schema error.
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  'ticket.linkArticle': z.object({ ticketId: Id, articleId: Id }),
  'article.save': z.object({
    id: Id,
    baseVersion: z.number().int().min(0).nullable(),
    title: Line(300),
    body: Body,
    desk: ArticleDesk,
    language: Language,
    category: Line(100).optional(),
    tags: Tags.optional(),
  }),
  'article.setState': z.object({ id: Id, state: z.enum(['draft', 'published', 'archived']) }),
  'ticket.bulkAssign': z.object({
    ticketIds: z.array(Id).min(1).max(1000),
    assigneeId: Id.nullable(),
    groupId: Id.nullable().optional(),
    expected: z.record(Id, Id.nullable()).optional(),
  }),
  'shift.handover': z.object({
    fromShiftId: Id,
    toShiftId: Id,
    strategy: z.enum(['balanced', 'round_robin']),
    note: z.string().max(5000).optional(),
    /** The supervisor's adjustments to the preview: ticket → arriving agent. */
    overrides: z.record(Id, Id).optional(),
  }),
  /** Puts one cell of the roster: the shift an agent works on a day (null: off or away). */
  'roster.set': z.object({ date: RosterDate, agentId: Id, shiftId: Id.nullable() }),
} as const;

export type MutationName = keyof typeof MutationArgs;
export const MUTATION_NAMES = Object.keys(MutationArgs) as MutationName[];
export type ArgsOf<N extends MutationName> = z.infer<(typeof MutationArgs)[N]>;

/** A mutation as it sits in the outbox and travels in a push. */
export type Mutation = { [N in MutationName]: { id: string; seq: number; name: N; args: ArgsOf<N>; at: string } }[MutationName];

/** Envelope check only: a bad `args` is that mutation's own `rejected`, never a failed push. */
export const RawMutation = z.object({
  id: Id,
  seq: z.number().int().min(1),
  name: z.string().max(100),
  args: z.unknown(),
  at: IsoTime,
});
export type RawMutation = z.infer<typeof RawMutation>;

export type ParsedMutation = { ok: true; mutation: Mutation } | { ok: false; error: ProtocolError };

/** Turns a raw pushed mutation into a typed one, or the `invalid_request` error it deserves. */
export function parseMutation(raw: RawMutation): ParsedMutation {
  // Own keys only: an inherited name ("toString", "__proto__") must be an unknown mutation, not a crash.
  if (!Object.hasOwn(MutationArgs, raw.name)) {
    return { ok: false, error: { code: 'invalid_request', message: `Unknown mutation "${raw.name}"`, details: [{ path: 'name' }] } };
  }
  const name = raw.name as MutationName;
  const parsed = MutationArgs[name].safeParse(raw.args);
  if (!parsed.success) {
    return { ok: false, error: invalidRequest(parsed.error, 'args') };
  }
  return { ok: true, mutation: { id: raw.id, seq: raw.seq, name, args: parsed.data, at: raw.at } as Mutation };
}
