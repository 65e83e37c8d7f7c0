// Server-Sent Events: `poke` when something changed, `presence` of agents on tickets, a heartbeat comment
// every 15 s. Presence an agent published expires when their connection drops.
import type { FastifyInstance } from 'fastify';
import { PresenceRequest } from '../../shared/protocol/sync';
import { maySeeDesk } from '../../shared/rules/permissions';
import type { RouteDeps } from '../app';
import type { ServerEvent } from '../events/hub';
import { HttpError } from '../http-error';
import { ticket } from '../sync/entity-store';
import { parse } from '../validate';

export const HEARTBEAT_MS = 15_000;

export function registerEventRoutes(api: FastifyInstance, deps: RouteDeps) {
  const connections = new Map<string, number>(); // agent id → open streams
  const presenceOf = new Map<string, Set<string>>(); // agent id → tickets they announced
  const streams = new Set<{ end(): void }>();

  api.get('/sync/events', async (request, reply) => {
    const agent = await deps.authenticate(request, true);
    reply.hijack();
    const res = reply.raw;
    // A hijacked reply skips Fastify's sending, so the headers set by hooks (CORS: the browser console
    // is of another origin and its EventSource fails without them) are written here.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const send = (event: ServerEvent) => {
      const { type, ...data } = event;
      res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const unsubscribe = deps.hub.subscribe(send);
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    connections.set(agent.id, (connections.get(agent.id) ?? 0) + 1);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
      const left = (connections.get(agent.id) ?? 1) - 1;
      if (left > 0) return void connections.set(agent.id, left);
      connections.delete(agent.id);
      for (const ticketId of presenceOf.get(agent.id) ?? []) deps.hub.publish({ type: 'presence', ticketId, agentId: agent.id, state: 'left' });
      presenceOf.delete(agent.id);
    });
  });

  api.post('/presence', async (request, reply) => {
    const agent = await deps.authenticate(request);
    const body = parse(PresenceRequest, request.body);
    const current = await ticket(deps.db, body.ticketId);
    if (!current || !maySeeDesk(agent, current.desk)) throw new HttpError('not_found', 'No such ticket');
    const mine = presenceOf.get(agent.id) ?? new Set<string>();
    if (body.state === 'left') mine.delete(body.ticketId);
    else mine.add(body.ticketId);
    presenceOf.set(agent.id, mine);
    deps.hub.publish({ type: 'presence', ticketId: body.ticketId, agentId: agent.id, state: body.state });
    return reply.status(204).send();
  });

  // Open streams would keep the server from shutting down.
  api.addHook('preClose', async () => {
    for (const res of streams) res.end();
    presenceOf.clear();
  });
}
