// Push: every mutation is applied at most once per (clientId, seq). A push runs in one transaction: the
// changes, the audit lines, the stored results and the device's last seq commit together, so a lost
// answer is safe to resend and a replay gets the stored results unchanged (DESIGN.md, sync rule 2).
import type { Mutation, RawMutation } from '../../shared/protocol/mutations';
import type { MutationResult, PushRequest } from '../../shared/protocol/sync';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { Outcome } from '../../shared/rules/outcome';
import type { Agent } from '../../shared/schemas/entities';
import type { Database, Sql } from '../db/database';
import { HttpError } from '../http-error';
import { parseStorableMutation } from '../validate';
import { currentHead, lockChanges } from './entity-store';
import { handoverContext } from './handover-context';
import { PushBatch } from './push-batch';

/** `onChange`: after a push that wrote, with the change number it ended on (the head it made). */
export type PushDeps = { db: Database; now: () => Date; onChange: (head: number) => void };

/** The results, and the head of the change log as this push left it (read under its lock). */
export async function push(deps: PushDeps, actor: Agent, request: PushRequest): Promise<{ results: MutationResult[]; head: number }> {
  const { mutations, clientId } = request;
  const first = mutations[0];
  if (!first) return { results: [], head: await currentHead(deps.db) };
  mutations.forEach((m, i) => {
    if (m.seq !== first.seq + i) throw new HttpError('seq_gap', 'Mutations must be numbered one after another', { expected: first.seq + i });
  });
  const { results, wrote, head } = await deps.db.transaction(async (tx) => {
    await lockChanges(tx);
    const [client] = await tx.query<{ agent_id: string; last_seq: number }>(
      `INSERT INTO clients (client_id, agent_id) VALUES ($1, $2)
       ON CONFLICT (client_id) DO UPDATE SET last_seq = clients.last_seq RETURNING agent_id::text, last_seq`,
      [clientId, actor.id],
    );
    if (client && client.agent_id !== actor.id) throw new HttpError('forbidden', 'This device id belongs to another agent');
    const lastSeq = client?.last_seq ?? 0;
    if (first.seq > lastSeq + 1) throw new HttpError('seq_gap', `Expected seq ${lastSeq + 1}`, { expected: lastSeq + 1 });

    const replayed = await storedResults(tx, clientId, mutations.filter((m) => m.seq <= lastSeq));
    const fresh = mutations.filter((m) => m.seq > lastSeq);
    const applied = await applyAll(tx, actor, clientId, fresh, deps.now().toISOString());
    if (fresh.length > 0) {
      await tx.query(
        `INSERT INTO mutation_results (client_id, seq, result)
         SELECT $1, (r->>'seq')::int, r FROM jsonb_array_elements($2::jsonb) AS r`,
        [clientId, JSON.stringify(applied.results)],
      );
      await tx.query('UPDATE clients SET last_seq = $2 WHERE client_id = $1', [clientId, fresh.at(-1)?.seq]);
    }
    // Read under the change lock, so it is this push's head: the answer and the poke need no query after.
    return { results: [...replayed, ...applied.results], wrote: applied.wrote, head: await currentHead(tx) };
  });
  if (wrote) deps.onChange(head);
  return { results, head };
}

async function storedResults(tx: Sql, clientId: string, replays: readonly RawMutation[]): Promise<MutationResult[]> {
  if (replays.length === 0) return [];
  const rows = await tx.query<{ seq: number; result: MutationResult }>(
    'SELECT seq, result FROM mutation_results WHERE client_id = $1 AND seq = ANY($2::int[]) ORDER BY seq',
    [clientId, replays.map((m) => m.seq)],
  );
  if (rows.length !== replays.length) throw new HttpError('conflict', 'Some of these mutations were applied long ago and their results are no longer kept');
  return rows.map((r) => r.result);
}

async function applyAll(tx: Sql, actor: Agent, clientId: string, raws: readonly RawMutation[], now: string) {
  const parsed = raws.map((raw) => ({ raw, parsed: parseStorableMutation(raw) }));
  const valid = parsed.flatMap((p) => (p.parsed.ok ? [p.parsed.mutation] : []));
  const batch = await PushBatch.load(tx, clientId, valid);
  const results: MutationResult[] = [];
  for (const { raw, parsed: p } of parsed) {
    const outcome = p.ok ? await run(tx, batch, p.mutation, actor, now) : ({ status: 'rejected', error: p.error } as const);
    results.push(toResult(raw, outcome));
  }
  await batch.flush(tx, actor.id, now);
  return { results, wrote: batch.wroteRows };
}

async function run(tx: Sql, batch: PushBatch, mutation: Mutation, actor: Agent, now: string): Promise<Outcome> {
  const ctx = batch.context(mutation, actor, now);
  if (mutation.name === 'ticket.create' && !ctx.ticket) {
    const [prefix, sequence] = mutation.args.desk === 'service' ? ['SD', 'service_key_seq'] : ['HD', 'help_key_seq'];
    const [row] = await tx.query<{ n: string }>(`SELECT nextval('${sequence}')::text AS n`);
    ctx.nextKey = () => `${prefix}-${row?.n}`;
  }
  if (mutation.name === 'shift.handover') Object.assign(ctx, await handoverContext(tx, batch, mutation.args, now));
  const outcome = applyMutation(mutation, ctx);
  if (outcome.status === 'rejected') {
    // A refused attempt on a ticket belongs to its history too.
    if (ctx.ticket) batch.record(mutation.name, [], [{ ticketId: ctx.ticket.id, outcome: 'rejected', before: {}, after: { error: outcome.error } }]);
  } else {
    batch.record(mutation.name, outcome.puts, outcome.audit);
  }
  return outcome;
}

function toResult(raw: RawMutation, outcome: Outcome): MutationResult {
  const base = { id: raw.id, seq: raw.seq };
  const details = 'details' in outcome && outcome.details !== undefined ? { details: outcome.details } : {};
  switch (outcome.status) {
    case 'applied':
      return { ...base, status: 'applied', ...(outcome.version === undefined ? {} : { version: outcome.version }), ...details };
    case 'conflict':
      return { ...base, status: 'conflict', conflict: { fields: outcome.fields, current: outcome.current }, ...details };
    case 'rejected':
      return { ...base, status: 'rejected', error: outcome.error };
  }
}
