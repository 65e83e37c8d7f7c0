// Push: each mutation runs in its own transaction and is applied at most once per (clientId, seq);
// its result is stored in the same transaction, and a replay gets that stored result unchanged.
import { parseMutation, type Mutation, type RawMutation } from '../../shared/protocol/mutations';
import type { MutationResult, PushRequest } from '../../shared/protocol/sync';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { Outcome } from '../../shared/rules/outcome';
import type { Agent } from '../../shared/schemas/entities';
import type { Database, Sql } from '../db/database';
import { HttpError } from '../http-error';
import * as store from './entity-store';
import { loadContext } from './mutation-context';

export type PushDeps = { db: Database; now: () => Date; onChange: () => void };

export async function push(deps: PushDeps, actor: Agent, request: PushRequest): Promise<MutationResult[]> {
  const { mutations, clientId } = request;
  mutations.forEach((m, i) => {
    if (i > 0 && m.seq !== (mutations[0]?.seq ?? 0) + i) {
      throw new HttpError('seq_gap', 'Mutations must be numbered one after another', { expected: (mutations[0]?.seq ?? 0) + i });
    }
  });
  const client = await deps.db.query<{ agent_id: string; last_seq: number }>('SELECT agent_id::text, last_seq FROM clients WHERE client_id = $1', [clientId]);
  if (client[0] && client[0].agent_id !== actor.id) throw new HttpError('forbidden', 'This device id belongs to another agent');
  const first = mutations[0];
  const lastSeq = client[0]?.last_seq ?? 0;
  if (first && first.seq > lastSeq + 1) throw new HttpError('seq_gap', `Expected seq ${lastSeq + 1}`, { expected: lastSeq + 1 });

  const results: MutationResult[] = [];
  let changed = false;
  for (const raw of mutations) {
    const { result, wrote } = await deps.db.transaction((tx) => runOne(tx, deps, actor, clientId, raw));
    results.push(result);
    changed ||= wrote;
  }
  if (changed) deps.onChange();
  return results;
}

async function runOne(tx: Sql, deps: PushDeps, actor: Agent, clientId: string, raw: RawMutation): Promise<{ result: MutationResult; wrote: boolean }> {
  await store.lockChanges(tx);
  const [client] = await tx.query<{ last_seq: number }>(
    `INSERT INTO clients (client_id, agent_id) VALUES ($1, $2)
     ON CONFLICT (client_id) DO UPDATE SET last_seq = clients.last_seq RETURNING last_seq`,
    [clientId, actor.id],
  );
  const lastSeq = client?.last_seq ?? 0;
  if (raw.seq <= lastSeq) {
    const [stored] = await tx.query<{ result: MutationResult }>('SELECT result FROM mutation_results WHERE client_id = $1 AND seq = $2', [clientId, raw.seq]);
    if (stored) return { result: stored.result, wrote: false };
    throw new HttpError('conflict', `Mutation ${raw.seq} was applied long ago and its result is no longer kept`);
  }
  if (raw.seq !== lastSeq + 1) throw new HttpError('seq_gap', `Expected seq ${lastSeq + 1}`, { expected: lastSeq + 1 });

  const now = deps.now().toISOString();
  const parsed = parseMutation(raw);
  const outcome: Outcome = parsed.ok ? await applyAndWrite(tx, parsed.mutation, actor, now) : { status: 'rejected', error: parsed.error };
  const result = toResult(raw, outcome);
  await tx.query('INSERT INTO mutation_results (client_id, seq, result) VALUES ($1, $2, $3)', [clientId, raw.seq, JSON.stringify(result)]);
  await tx.query('UPDATE clients SET last_seq = $2 WHERE client_id = $1', [clientId, raw.seq]);
  return { result, wrote: outcome.status !== 'rejected' && outcome.puts.length > 0 };
}

/** Runs the mutation under the shared rules and writes its rows and audit lines. */
async function applyAndWrite(tx: Sql, mutation: Mutation, actor: Agent, now: string): Promise<Outcome> {
  // The actor is read again inside the transaction: a role changed a second ago counts.
  const ctx = await loadContext(tx, mutation, (await store.getOne<Agent>(tx, 'agent', actor.id)) ?? actor, now);
  if (mutation.name === 'ticket.create' && !ctx.ticket) {
    const [prefix, sequence] = mutation.args.desk === 'service' ? ['SD', 'service_key_seq'] : ['HD', 'help_key_seq'];
    const [row] = await tx.query<{ n: string }>(`SELECT nextval('${sequence}')::text AS n`);
    ctx.nextKey = () => `${prefix}-${row?.n}`;
  }
  const outcome = applyMutation(mutation, ctx);
  if (outcome.status !== 'rejected') {
    const desks = new Map<string, string>();
    if (ctx.ticket) desks.set(ctx.ticket.id, ctx.ticket.desk);
    for (const p of outcome.puts) if (p.entity === 'ticket') desks.set(p.id, p.data.desk);
    await store.writePuts(tx, outcome.puts, (id) => desks.get(id));
  }
  const audit = outcome.status !== 'rejected' ? outcome.audit
    : ctx.ticket ? [{ ticketId: ctx.ticket.id, outcome: 'rejected', before: {}, after: { error: outcome.error } }] : [];
  for (const entry of audit) {
    await tx.query(
      'INSERT INTO history (ticket_id, at, agent_id, mutation, outcome, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [entry.ticketId, now, actor.id, mutation.name, entry.outcome, JSON.stringify(entry.before), JSON.stringify(entry.after)],
    );
  }
  return outcome;
}

function toResult(raw: RawMutation, outcome: Outcome): MutationResult {
  const base = { id: raw.id, seq: raw.seq };
  switch (outcome.status) {
    case 'applied':
      return { ...base, status: 'applied', ...(outcome.version === undefined ? {} : { version: outcome.version }), ...(outcome.details === undefined ? {} : { details: outcome.details }) };
    case 'conflict':
      return { ...base, status: 'conflict', conflict: { fields: outcome.fields, current: outcome.current }, ...(outcome.details === undefined ? {} : { details: outcome.details }) };
    case 'rejected':
      return { ...base, status: 'rejected', error: outcome.error };
  }
}

