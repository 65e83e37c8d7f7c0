// Pull, slice and push.
import type { FastifyInstance } from 'fastify';
import { PullQuery, PushRequest, SliceQuery } from '../../shared/protocol/sync';
import type { RouteDeps } from '../app';
import { pull } from '../sync/pull';
import { encodeCursor } from '../sync/cursor';
import { currentHead } from '../sync/entity-store';
import { push } from '../sync/push';
import { slice } from '../sync/slice';
import { parse } from '../validate';

export function registerSyncRoutes(api: FastifyInstance, deps: RouteDeps) {
  api.get('/sync/pull', async (request, reply) => {
    const agent = await deps.authenticate(request);
    const query = parse(PullQuery, request.query);
    const key = (cursor: string | undefined) => `${agent.id} ${query.limit} ${cursor ?? ''}`;
    const read = () => pull(deps.db, deps.epoch, agent, query.cursor, query.limit);
    const page = await (deps.readAhead.take(key(query.cursor))?.catch(read) ?? read());
    // The client will ask for the next page as soon as it has taken this one in (sync/read-ahead.ts).
    if (page.hasMore) deps.readAhead.offer(key(page.cursor), () => pull(deps.db, deps.epoch, agent, page.cursor, query.limit));
    return reply.type('application/json').send(page.body);
  });

  api.get('/sync/slice', async (request, reply) => {
    const agent = await deps.authenticate(request);
    const query = parse(SliceQuery, request.query);
    return reply.type('application/json').send(await slice(deps.db, agent, query.limit));
  });

  api.post('/sync/push', async (request) => {
    const agent = await deps.authenticate(request);
    // Text in each mutation's args is checked with that mutation (sync/push.ts).
    const body = parse(PushRequest, request.body, { checkText: false });
    const { results, head } = await push({ db: deps.db, now: deps.now, onChange: (changed) => pokeAll(deps, changed) }, agent, body);
    return { results, cursor: headCursor(deps, head) };
  });
}

/** A cursor at the head of the change log: what pokes and push answers name (clients only compare them). */
const headCursor = (deps: RouteDeps, head: number) => encodeCursor({ epoch: deps.epoch, after: head, start: 0, remaining: 0 });

/**
 * Notify, then pull (DESIGN.md, sync rule 5): the poke only says the cursor moved. `head`: the change
 * number a write ended on, when the writer knows it; otherwise it is read.
 */
export function pokeAll(deps: RouteDeps, head?: number): void {
  deps.readAhead.clear(); // at once, before the writer's answer leaves: its next pull must see its write
  const publish = (at: number) => deps.hub.publish({ type: 'poke', cursor: headCursor(deps, at) });
  if (head !== undefined) publish(head);
  else void currentHead(deps.db).then(publish, () => undefined);
}
