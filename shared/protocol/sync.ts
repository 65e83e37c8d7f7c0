// Payloads of auth, pull, slice, push, events and history (PROTOCOL.md).
import { z } from 'zod';
import { Id, IsoTime } from '../schemas/common';
import { Agent, Article, Attachment, Comment, Group, Organization, RosterEntry, Shift, Worklog } from '../schemas/entities';
import { Ticket } from '../schemas/ticket';
import { RawMutation } from './mutations';

export const PROTOCOL_VERSION = 1;

export const LoginRequest = z.object({ email: z.string().trim().max(254), password: z.string().max(1000) });
export const RefreshRequest = z.object({ refreshToken: z.string().min(1).max(500) });
export const TokenPair = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number() });
export const LoginResponse = TokenPair.extend({ agent: Agent });
export type LoginResponse = z.infer<typeof LoginResponse>;
export const HealthResponse = z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgres']), version: z.number() });

/** Each entity kind with the schema of its `data`: a pulled row is validated against its own kind. */
export const ENTITY_SCHEMAS = {
  ticket: Ticket,
  comment: Comment,
  worklog: Worklog,
  attachment: Attachment,
  article: Article,
  agent: Agent,
  group: Group,
  shift: Shift,
  organization: Organization,
  roster: RosterEntry,
} as const;
export type EntityName = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];
export type EntityData<E extends EntityName> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;

export type Change =
  | { [E in EntityName]: { entity: E; id: string; op: 'put'; data: EntityData<E> } }[EntityName]
  | { entity: EntityName; id: string; op: 'delete' };

export const ChangeSchema = z.union([
  ...ENTITY_NAMES.map((entity) =>
    z.object({ entity: z.literal(entity), id: Id, op: z.literal('put'), data: ENTITY_SCHEMAS[entity] }),
  ),
  z.object({ entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]), id: Id, op: z.literal('delete') }),
]);

export const PullQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export const PullResponse = z.object({
  changes: z.array(ChangeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  remaining: z.number().int().min(0),
});
export type PullResponse = { changes: Change[]; cursor: string; hasMore: boolean; remaining: number };

export const SliceQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
export type SliceResponse = { changes: Change[] };

export const PushRequest = z.object({
  clientId: Id,
  schemaVersion: z.number().int().min(1),
  mutations: z.array(RawMutation).max(1000),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const ConflictField = z.object({ field: z.string(), mine: z.unknown(), theirs: z.unknown() });
export type ConflictField = z.infer<typeof ConflictField>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: Id, seq: z.number().int(), status: z.literal('applied'), version: z.number().int().optional(), details: z.unknown().optional() }),
  z.object({
    id: Id,
    seq: z.number().int(),
    status: z.literal('conflict'),
    conflict: z.object({ fields: z.array(ConflictField), current: z.unknown() }),
    details: z.unknown().optional(),
  }),
  z.object({
    id: Id,
    seq: z.number().int(),
    status: z.literal('rejected'),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;
export const PushResponse = z.object({ results: z.array(MutationResult), cursor: z.string() });
export type PushResponse = z.infer<typeof PushResponse>;

export const PresenceState = z.enum(['viewing', 'editing', 'left']);
export const PresenceRequest = z.object({ ticketId: Id, state: PresenceState });
export const PokeEvent = z.object({ cursor: z.string() });
export const PresenceEvent = z.object({ ticketId: Id, agentId: Id, state: PresenceState });
export type PresenceEvent = z.infer<typeof PresenceEvent>;

export const HistoryEntry = z.object({
  at: IsoTime,
  agentId: Id.nullable(),
  mutation: z.string(),
  outcome: z.enum(['applied', 'conflict', 'rejected']),
  before: z.unknown(),
  after: z.unknown(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryResponse = z.object({ entries: z.array(HistoryEntry) });

export const AlertRequest = z.object({
  source: z.string().trim().min(1).max(100),
  fingerprint: z.string().trim().min(1).max(200),
  severity: z.enum(['critical', 'warning', 'info']),
  summary: z.string().trim().min(1).max(300),
  details: z.string().max(10_000).optional(),
  service: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['firing', 'resolved']),
});
export type AlertRequest = z.infer<typeof AlertRequest>;
