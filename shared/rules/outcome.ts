// What running a mutation against current state yields: the rows to write, the audit entries, and the
// protocol result. Server (authoritative) and console (optimistic) run the same code and differ only
// in what they do with this value.
import type { ProtocolError } from '../protocol/errors';
import type { Change, ConflictField } from '../protocol/sync';
import type { Agent, Article, Organization, RosterEntry, Shift } from '../schemas/entities';
import type { Ticket } from '../schemas/ticket';
import type { RosterIndex } from './roster';
import type { SlaPolicy } from './sla';

export type Put = Extract<Change, { op: 'put' }>;

export type AuditEntry = {
  ticketId: string;
  outcome: 'applied' | 'conflict' | 'rejected';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type Outcome =
  | { status: 'applied'; puts: Put[]; audit: AuditEntry[]; version?: number; details?: unknown }
  | { status: 'conflict'; puts: Put[]; audit: AuditEntry[]; fields: ConflictField[]; current: unknown; details?: unknown }
  | { status: 'rejected'; error: ProtocolError };

export type MutationContext = {
  actor: Agent;
  now: string;
  /** `optimistic` replays the agent's intent over newer state without raising conflicts (console). */
  mode: 'authoritative' | 'optimistic';
  /** The ticket the mutation names (null: it does not exist). */
  ticket?: Ticket | null;
  /** The article the mutation names (null: it does not exist). */
  article?: Article | null;
  /** Every ticket a bulk mutation names, and for a handover every open ticket. */
  tickets?: ReadonlyMap<string, Ticket>;
  agents: ReadonlyMap<string, Agent>;
  /** Every shift, where the mutation names one (the console's optimistic run may leave it out). */
  shifts?: ReadonlyMap<string, Shift>;
  /** The roster entry a `roster.set` names (null: none yet; absent: not looked up). */
  rosterEntry?: RosterEntry | null;
  /** For a handover: the roster entries of the days its crews are drawn from (handoverDates). */
  roster?: RosterIndex;
  organizations: readonly Organization[];
  /** The server hands out human keys (SD-1042); offline the key waits (null). */
  nextKey?: (desk: Ticket['desk']) => string;
  /** Whether a comment/worklog/attachment with the mutation's id already exists (a re-issued append). */
  exists?: boolean;
  slaPolicy?: SlaPolicy;
  /**
   * Versions of the named ticket or article that the sending device's own earlier edits made. An edit is
   * based on the last server copy the device saw, so a change since then that the device made itself is
   * no news to it and no conflict.
   */
  ownVersions?: ReadonlySet<number>;
};

/** Whether anyone but the sender changed something between the sender's base version and `version`. */
export function changedByOthers(baseVersion: number, version: number, own: ReadonlySet<number> | undefined): boolean {
  for (let v = baseVersion + 1; v <= version; v++) if (!own?.has(v)) return true;
  return false;
}

export const rejected = (code: string, message: string, details?: unknown): Outcome => ({
  status: 'rejected',
  error: details === undefined ? { code, message } : { code, message, details },
});

export const invalid = (path: string, message: string): Outcome =>
  rejected('invalid_request', message, [{ path, message }]);
