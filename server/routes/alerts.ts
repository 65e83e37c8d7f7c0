// Monitoring alerts (Service Desk): a firing alert opens a monitoring_alert ticket or, when one with the
// same fingerprint is still open, counts the repeat on it; `resolved` notes the recovery.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AlertRequest, type AlertRequest as Alert } from '../../shared/protocol/sync';
import { applyMutation } from '../../shared/rules/apply-mutation';
import type { Put } from '../../shared/rules/outcome';
import { withChanges } from '../../shared/rules/ticket-state';
import type { Level } from '../../shared/rules/priority';
import type { ServiceTicket } from '../../shared/schemas/ticket';
import type { RouteDeps } from '../app';
import type { Sql } from '../db/database';
import { HttpError } from '../http-error';
import { lockChanges, organizations, writePuts } from '../sync/entity-store';
import { MONITORING_AGENT } from '../sync/system-agent';
import { parse } from '../validate';
import { pokeAll } from './sync';

const SEVERITY: Record<Alert['severity'], { impact: Level; urgency: Level }> = {
  critical: { impact: 'high', urgency: 'high' },
  warning: { impact: 'medium', urgency: 'high' },
  info: { impact: 'low', urgency: 'low' },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function registerAlertRoutes(api: FastifyInstance, deps: RouteDeps) {
  async function checkKey(request: FastifyRequest) {
    const key = request.headers['x-api-key'];
    if (typeof key !== 'string' || key.length === 0) throw new HttpError('unauthorized', 'Send the integration key as X-Api-Key');
    const envMatch = deps.alertsKey !== undefined && key.length === deps.alertsKey.length && timingSafeEqual(Buffer.from(key), Buffer.from(deps.alertsKey));
    if (envMatch) return;
    const rows = await deps.db.query('SELECT 1 FROM integration_keys WHERE key_hash = $1', [sha256(key)]);
    if (rows.length === 0) throw new HttpError('unauthorized', 'Unknown integration key');
  }

  api.post('/integrations/keys', async (request, reply) => {
    const agent = await deps.authenticate(request);
    if (agent.role !== 'admin') throw new HttpError('forbidden', 'Only admins issue integration keys');
    const name = parse(AlertRequest.pick({ source: true }), request.body).source;
    const key = randomBytes(24).toString('base64url');
    await deps.db.query('INSERT INTO integration_keys (key_hash, name) VALUES ($1, $2)', [sha256(key), name]);
    return reply.status(201).send({ key, name });
  });

  api.post('/integrations/alerts', async (request, reply) => {
    await checkKey(request);
    const alert = parse(AlertRequest, request.body);
    const result = await deps.db.transaction(async (tx) => {
      await lockChanges(tx);
      return receiveAlert(tx, alert, deps.now().toISOString());
    });
    if (result.ticketId) pokeAll(deps);
    return reply.status(result.created ? 201 : 200).send(result);
  });
}

async function receiveAlert(tx: Sql, alert: Alert, now: string) {
  const orgs = await organizations(tx);
  const [open] = await tx.query<{ data: ServiceTicket }>(
    `SELECT data FROM entities WHERE entity = 'ticket' AND open AND NOT deleted AND fingerprint = $1 ORDER BY change_id DESC LIMIT 1`,
    [alert.fingerprint],
  );
  const note = (ticketId: string, body: string): Put => {
    const id = randomUUID();
    return { entity: 'comment', id, op: 'put', data: { id, ticketId, authorId: MONITORING_AGENT.id, body, visibility: 'internal', createdAt: now } };
  };
  const write = (puts: Put[]) => writePuts(tx, puts, () => 'service');

  if (open) {
    const ticket = open.data;
    const info = ticket.alert ?? { source: alert.source, fingerprint: alert.fingerprint, severity: alert.severity, firing: true, occurrences: 1 };
    const firing = alert.status === 'firing';
    const next = withChanges(ticket, { alert: { ...info, firing, occurrences: info.occurrences + (firing ? 1 : 0) } }, now, orgs);
    await write([
      { entity: 'ticket', id: ticket.id, op: 'put', data: next },
      note(ticket.id, firing ? `Alert fired again: ${alert.summary}` : `Recovered: ${alert.summary}`),
    ]);
    return { ticketId: ticket.id, key: ticket.key, created: false, deduplicated: firing };
  }
  if (alert.status === 'resolved') return { ticketId: null, key: null, created: false, deduplicated: false };

  const org = orgs.find((o) => o.desk === 'service' && alert.service !== undefined && o.services.includes(alert.service)) ?? orgs.find((o) => o.desk === 'service');
  if (!org) throw new HttpError('not_found', 'No Service Desk organisation is set up for alerts');
  const [row] = await tx.query<{ n: string }>(`SELECT nextval('service_key_seq')::text AS n`);
  const outcome = applyMutation(
    {
      id: randomUUID(), seq: 1, name: 'ticket.create', at: now,
      args: {
        id: randomUUID(), desk: 'service', type: 'monitoring_alert', subject: alert.summary.slice(0, 300),
        description: alert.details ?? alert.summary, channel: 'monitoring', ...SEVERITY[alert.severity],
        requester: { kind: 'employee', name: alert.source, email: MONITORING_AGENT.email, organizationId: org.id, department: null, location: null },
        ...(alert.service ? { service: alert.service } : {}), tags: ['monitoring'],
      },
    },
    { actor: MONITORING_AGENT, now, mode: 'authoritative', agents: new Map(), organizations: orgs, nextKey: () => `SD-${row?.n}` },
  );
  if (outcome.status !== 'applied' || outcome.puts[0]?.entity !== 'ticket') throw new HttpError('internal', 'The alert could not open a ticket');
  const created = outcome.puts[0].data as ServiceTicket;
  const ticket: ServiceTicket = { ...created, alert: { source: alert.source, fingerprint: alert.fingerprint, severity: alert.severity, firing: true, occurrences: 1 } };
  await write([{ entity: 'ticket', id: ticket.id, op: 'put', data: ticket }]);
  return { ticketId: ticket.id, key: ticket.key, created: true, deduplicated: false };
}
