// The state one push runs against: everything its mutations name is read in a few queries up front,
// each mutation sees the writes of those before it, and all writes leave in a few bulk statements.
// A push is one transaction, so its results, its seq and its changes commit together or not at all.
import type { Mutation } from '../../shared/protocol/mutations';
import type { AuditEntry, MutationContext, Put } from '../../shared/rules/outcome';
import { rosterEntryId } from '../../shared/rules/roster';
import type { Agent, Article, Organization, RosterEntry, Shift } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import type { Sql } from '../db/database';
import { writePuts } from './entity-store';

const APPENDS = { 'comment.add': 'comment', 'worklog.add': 'worklog', 'attachment.add': 'attachment' } as const;
/** The edits that are based on a version, and what they write: the device's own writes are remembered. */
const BASED_ON_VERSION = new Set(['ticket.update', 'article.save']);
const OWN_WRITES = new Set(['ticket.update', 'article.save', 'article.setState']);

/** Rows found by (entity, id) pairs given as two arrays ($1 entities, $2 ids): one primary-key lookup per pair. */
const BY_KEY = `unnest($1::text[], $2::uuid[]) AS k(entity, id) JOIN entities e ON e.entity = k.entity AND e.id = k.id`;
const pairs = (entity: string, ids: Iterable<string>) => [...ids].map((id) => [entity, id] as const);
/** An append's key: `entity:id`, the id as PostgreSQL writes a uuid (an id sent in capitals is the same row). */
const appendKey = (entity: string, id: unknown) => `${entity}:${String(id).toLowerCase()}`;

type Named = { ticketIds: Set<string>; articleIds: Set<string>; rosterIds: Set<string>; appendKeys: Set<string> };

function namedBy(mutations: readonly Mutation[]): Named {
  const named: Named = { ticketIds: new Set(), articleIds: new Set(), rosterIds: new Set(), appendKeys: new Set() };
  for (const m of mutations) {
    const args = m.args as Record<string, unknown>;
    if (typeof args.ticketId === 'string') named.ticketIds.add(args.ticketId);
    if (m.name === 'ticket.create') named.ticketIds.add(m.args.id);
    if (m.name === 'ticket.bulkAssign') m.args.ticketIds.forEach((id) => named.ticketIds.add(id));
    if (m.name === 'ticket.linkArticle') named.articleIds.add(m.args.articleId);
    if (m.name === 'article.save' || m.name === 'article.setState') named.articleIds.add(m.args.id);
    if (m.name === 'roster.set') named.rosterIds.add(rosterEntryId(m.args.date, m.args.agentId));
    if (m.name in APPENDS) named.appendKeys.add(appendKey(APPENDS[m.name as keyof typeof APPENDS], args.id));
  }
  return named;
}

export class PushBatch {
  private readonly tickets = new Map<string, Ticket>();
  private readonly articles = new Map<string, Article>();
  private readonly roster = new Map<string, RosterEntry>();
  private readonly existing = new Set<string>();
  private readonly writes = new Map<string, Put>();
  /** `entity:id` → versions this device's own edits made; and those this batch adds. */
  private readonly own = new Map<string, Set<number>>();
  private readonly newOwn: Array<{ entity: string; id: string; version: number }> = [];
  readonly audit: Array<AuditEntry & { mutation: string }> = [];

  private constructor(
    readonly clientId: string,
    readonly agents: ReadonlyMap<string, Agent>,
    readonly organizations: readonly Organization[],
    readonly shifts: ReadonlyMap<string, Shift>,
  ) {}

  static async load(tx: Sql, clientId: string, mutations: readonly Mutation[]): Promise<PushBatch> {
    const named = namedBy(mutations);
    const reference = await tx.query<{ entity: string; data: Agent | Organization | Shift }>(
      `SELECT entity, data FROM entities WHERE entity IN ('agent', 'organization', 'shift') AND NOT deleted`,
    );
    const of = <T>(entity: string) => reference.filter((r) => r.entity === entity).map((r) => r.data as T);
    const batch = new PushBatch(
      clientId,
      new Map(of<Agent>('agent').map((a) => [a.id, a])),
      of<Organization>('organization'),
      new Map(of<Shift>('shift').map((s) => [s.id, s])),
    );
    const wanted = [...pairs('ticket', named.ticketIds), ...pairs('article', named.articleIds), ...pairs('roster', named.rosterIds)];
    const rows = await tx.query<{ entity: string; id: string; data: Ticket | Article | RosterEntry }>(
      `SELECT e.entity, e.id::text, e.data FROM ${BY_KEY} WHERE NOT e.deleted`,
      [wanted.map(([entity]) => entity), wanted.map(([, id]) => id)],
    );
    for (const r of rows) {
      if (r.entity === 'ticket') batch.tickets.set(r.id, r.data as Ticket);
      else if (r.entity === 'article') batch.articles.set(r.id, r.data as Article);
      else batch.roster.set(r.id, r.data as RosterEntry);
    }
    if (mutations.some((m) => BASED_ON_VERSION.has(m.name))) {
      const own = await tx.query<{ entity: string; id: string; version: number }>(
        `SELECT entity, id::text, version FROM own_writes
          WHERE client_id = $1 AND ((entity = 'ticket' AND id = ANY($2::uuid[])) OR (entity = 'article' AND id = ANY($3::uuid[])))`,
        [clientId, [...named.ticketIds], [...named.articleIds]],
      );
      for (const o of own) batch.ownOf(`${o.entity}:${o.id}`).add(Number(o.version));
    }
    if (named.appendKeys.size > 0) {
      // Deleted rows count too: an append's id is never reused.
      const keys = [...named.appendKeys].map((key) => key.split(':') as [string, string]);
      const found = await tx.query<{ key: string }>(
        `SELECT e.entity || ':' || e.id AS key FROM ${BY_KEY}`,
        [keys.map(([entity]) => entity), keys.map(([, id]) => id)],
      );
      for (const f of found) batch.existing.add(f.key);
    }
    return batch;
  }

  /** Open tickets of these agents as this batch sees them (a handover's candidates). */
  async openTicketsOf(tx: Sql, agentIds: readonly string[]): Promise<Ticket[]> {
    const rows = await tx.query<{ data: Ticket }>(
      `SELECT data FROM entities WHERE entity = 'ticket' AND open AND NOT deleted AND assignee_id = ANY($1::uuid[])`,
      [agentIds],
    );
    for (const r of rows) if (!this.tickets.has(r.data.id)) this.tickets.set(r.data.id, r.data);
    return [...this.tickets.values()].filter((t) => t.assigneeId !== null && agentIds.includes(t.assigneeId));
  }

  /** The roster entries with these ids (those that exist), as this batch sees them. */
  async rosterEntries(tx: Sql, ids: readonly string[]): Promise<RosterEntry[]> {
    const missing = ids.filter((id) => !this.roster.has(id));
    if (missing.length > 0) {
      const rows = await tx.query<{ data: RosterEntry }>(
        `SELECT data FROM entities WHERE entity = 'roster' AND NOT deleted AND id = ANY($1::uuid[])`,
        [missing],
      );
      for (const r of rows) this.roster.set(r.data.id, r.data);
    }
    return ids.flatMap((id) => this.roster.get(id) ?? []);
  }

  context(mutation: Mutation, actor: Agent, now: string): MutationContext {
    const args = mutation.args as Record<string, unknown>;
    const ticketId = mutation.name === 'ticket.create' ? mutation.args.id : typeof args.ticketId === 'string' ? args.ticketId : undefined;
    const articleId = mutation.name === 'ticket.linkArticle' ? mutation.args.articleId
      : mutation.name === 'article.save' || mutation.name === 'article.setState' ? mutation.args.id : undefined;
    const append = APPENDS[mutation.name as keyof typeof APPENDS];
    return {
      actor: this.agents.get(actor.id) ?? actor, // a role changed a second ago counts
      now,
      mode: 'authoritative',
      agents: this.agents,
      organizations: this.organizations,
      ...(ticketId === undefined ? {} : { ticket: this.tickets.get(ticketId) ?? null }),
      ...(articleId === undefined ? {} : { article: this.articles.get(articleId) ?? null }),
      ...(mutation.name === 'ticket.update' && ticketId !== undefined ? { ownVersions: this.ownOf(`ticket:${ticketId}`) } : {}),
      ...(mutation.name === 'article.save' ? { ownVersions: this.ownOf(`article:${mutation.args.id}`) } : {}),
      ...(append ? { exists: this.existing.has(appendKey(append, args.id)) } : {}),
      ...(mutation.name === 'roster.set'
        ? { shifts: this.shifts, rosterEntry: this.roster.get(rosterEntryId(mutation.args.date, mutation.args.agentId)) ?? null }
        : {}),
      ...(mutation.name === 'ticket.bulkAssign'
        ? { tickets: new Map(mutation.args.ticketIds.flatMap((id) => (this.tickets.has(id) ? [[id, this.tickets.get(id) as Ticket]] : []))) }
        : {}),
    };
  }

  /** Keeps an outcome's rows for the flush and lets later mutations of the batch see them. */
  record(mutation: string, puts: readonly Put[], audit: readonly AuditEntry[]): void {
    for (const put of puts) {
      if (put.entity === 'ticket') this.tickets.set(put.id, put.data);
      if (put.entity === 'article') this.articles.set(put.id, put.data);
      if (put.entity === 'roster') this.roster.set(put.id, put.data);
      this.existing.add(appendKey(put.entity, put.id));
      const key = `${put.entity}:${put.id}`;
      this.writes.delete(key); // re-inserted last: the change order follows the final write
      this.writes.set(key, put);
    }
    for (const entry of audit) this.audit.push({ ...entry, mutation });
    if (OWN_WRITES.has(mutation)) {
      for (const put of puts) {
        const version = (put.data as { version?: number } | null)?.version;
        if ((put.entity !== 'ticket' && put.entity !== 'article') || version === undefined) continue;
        this.ownOf(`${put.entity}:${put.id}`).add(version);
        this.newOwn.push({ entity: put.entity, id: put.id, version });
      }
    }
  }

  private ownOf(key: string): Set<number> {
    let versions = this.own.get(key);
    if (!versions) this.own.set(key, (versions = new Set()));
    return versions;
  }

  get wroteRows(): boolean {
    return this.writes.size > 0;
  }

  async flush(tx: Sql, actorId: string, now: string): Promise<void> {
    if (this.writes.size > 0) {
      await writePuts(tx, [...this.writes.values()], (id) => this.tickets.get(id)?.desk);
    }
    if (this.newOwn.length > 0) {
      await tx.query(
        `INSERT INTO own_writes (client_id, entity, id, version)
         SELECT $1, w->>'entity', (w->>'id')::uuid, (w->>'version')::int FROM jsonb_array_elements($2::jsonb) AS w
         ON CONFLICT DO NOTHING`,
        [this.clientId, JSON.stringify(this.newOwn)],
      );
    }
    if (this.audit.length > 0) {
      await tx.query(
        `INSERT INTO history (ticket_id, at, agent_id, mutation, outcome, before, after)
         SELECT (r->>'ticketId')::uuid, $2, $3, r->>'mutation', r->>'outcome', r->'before', r->'after'
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n) ORDER BY e.n`,
        [JSON.stringify(this.audit), now, actorId],
      );
    }
  }
}
