// Every other synced entity of PROTOCOL.md: conversation, work, files, knowledge and the reference rows.
import { z } from 'zod';
import { Body, Desk, Id, IsoTime, Line, Tags } from './common';

export const Comment = z.object({
  id: Id,
  ticketId: Id,
  authorId: Id.nullable(),
  body: Body,
  visibility: z.enum(['public', 'internal']),
  createdAt: IsoTime,
});
export type Comment = z.infer<typeof Comment>;

export const Worklog = z.object({
  id: Id,
  ticketId: Id,
  agentId: Id,
  minutes: z.number().int().min(1).max(24 * 60),
  note: z.string().max(2000),
  onSite: z.boolean(),
  startedAt: IsoTime,
  createdAt: IsoTime,
});
export type Worklog = z.infer<typeof Worklog>;

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const Attachment = z.object({
  id: Id,
  ticketId: Id,
  fileName: Line(255),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).max(100),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploaded: z.boolean(),
  createdBy: Id,
  createdAt: IsoTime,
});
export type Attachment = z.infer<typeof Attachment>;

export const ARTICLE_STATES = ['draft', 'published', 'archived'] as const;
export const ArticleDesk = z.enum(['service', 'help', 'both']);
export const Language = z.enum(['cs', 'en']);

export const Article = z.object({
  id: Id,
  title: Line(300),
  body: Body,
  desk: ArticleDesk,
  language: Language,
  category: Line(100).nullable(),
  tags: Tags,
  state: z.enum(ARTICLE_STATES),
  authorId: Id.nullable(),
  version: z.number().int().min(0),
  updatedAt: IsoTime,
});
export type Article = z.infer<typeof Article>;
export type ArticleState = Article['state'];

export const ROLES = ['agent', 'supervisor', 'field_tech', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Agent = z.object({
  id: Id,
  name: Line(),
  email: z.email().max(254),
  role: Role,
  desks: z.array(Desk).min(1),
  groupIds: z.array(Id),
  shiftId: Id.nullable(),
  skills: z.array(z.string().max(50)).default([]),
  /** Open tickets the agent can carry; the supervisor's board compares load against it. */
  capacity: z.number().int().min(0).default(15),
  away: z.boolean().default(false),
});
export type Agent = z.infer<typeof Agent>;

export const Group = z.object({ id: Id, name: Line(), desk: Desk });
export type Group = z.infer<typeof Group>;

export const Shift = z.object({
  id: Id,
  name: Line(50),
  /** Local wall-clock start and end; a shift may run over midnight (night 22:00–06:00). */
  start: z.string().regex(/^\d\d:\d\d$/),
  end: z.string().regex(/^\d\d:\d\d$/),
  timeZone: Line(60),
});
export type Shift = z.infer<typeof Shift>;

/** A calendar day of the roster, 'YYYY-MM-DD', local to the shifts' time zone. */
export const RosterDate = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .refine((d) => {
    const ms = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(d);
  }, { message: 'Not a calendar date' });

/**
 * Who works which shift on one day. An agent without an entry for a day works their default shift
 * (`Agent.shiftId`); `shiftId: null` means off or away that day. The id is derived from the day and the
 * agent (shared/rules/roster.ts), so there is one entry per agent and day whoever writes it.
 */
export const RosterEntry = z.object({
  id: Id,
  date: RosterDate,
  agentId: Id,
  shiftId: Id.nullable(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const Organization = z.object({
  id: Id,
  name: Line(),
  desk: Desk,
  timeZone: Line(60),
  departments: z.array(Line()),
  locations: z.array(Line()),
  services: z.array(Line()),
});
export type Organization = z.infer<typeof Organization>;
