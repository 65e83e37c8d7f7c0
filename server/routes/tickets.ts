// A ticket's audit history: who did what, when, with the values before and after.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maySeeDesk } from '../../shared/rules/permissions';
import { Id } from '../../shared/schemas/common';
import type { RouteDeps } from '../app';
import { HttpError } from '../http-error';
import { ticket } from '../sync/entity-store';
import { parse } from '../validate';

export function registerTicketRoutes(api: FastifyInstance, deps: RouteDeps) {
  api.get('/tickets/:id/history', async (request) => {
    const agent = await deps.authenticate(request);
    const { id } = parse(z.object({ id: Id }), request.params);
    const current = await ticket(deps.db, id);
    if (!current || !maySeeDesk(agent, current.desk)) throw new HttpError('not_found', 'No such ticket');
    const rows = await deps.db.query<{ at: Date; agent_id: string | null; mutation: string; outcome: string; before: unknown; after: unknown }>(
      'SELECT at, agent_id::text, mutation, outcome, before, after FROM history WHERE ticket_id = $1 ORDER BY id',
      [id],
    );
    return {
      entries: rows.map((r) => ({ at: new Date(r.at).toISOString(), agentId: r.agent_id, mutation: r.mutation, outcome: r.outcome, before: r.before, after: r.after })),
    };
  });
}
