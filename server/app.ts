// The HTTP API of PROTOCOL.md on Fastify. Every body and query goes through a shared zod schema; every
// error leaves as the protocol's error shape, never a stack trace or an SQL message.
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import type { Database } from './db/database';
import { createHub, type Hub } from './events/hub';
import { HttpError } from './http-error';
import { registerAlertRoutes } from './routes/alerts';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerAuthRoutes } from './routes/auth';
import { registerEventRoutes } from './routes/events';
import { registerSyncRoutes } from './routes/sync';
import { registerTicketRoutes } from './routes/tickets';
import { createSessions } from './auth/sessions';
import { createAuthenticate } from './routes/authenticate';
import { readMeta } from './db/meta';
import { createReadAhead, type ReadAhead } from './sync/read-ahead';

export type AppOptions = {
  db: Database;
  now?: () => Date;
  alertsKey?: string;
  logger?: boolean;
};

export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // Errors raised before any route runs leave in the protocol's shape too, never Fastify's own.
    frameworkErrors: (error, _request, routeReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const reply = routeReply as unknown as FastifyReply;
      return reply.status(tooLong ? 414 : 400).send(new HttpError('invalid_request', tooLong ? 'A path segment is too long' : 'The URL is not valid').toBody());
    },
    clientErrorHandler: (error, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const [status, reason, body] = error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', new HttpError('too_large', 'The request headers are too large').toBody()]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', new HttpError('invalid_request', 'The request did not arrive in time').toBody()]
          : [400, 'Bad Request', new HttpError('invalid_request', 'The request is not valid HTTP').toBody()];
      const text = JSON.stringify(body);
      if (socket.writable) {
        socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`);
      }
      socket.destroy(error);
    },
    logger: options.logger
      ? {
          level: 'info',
          serializers: {
            // Only method and URL, with the event stream's ?access_token= masked: no token reaches a log.
            req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/access_token=[^&]*/, 'access_token=[redacted]') }),
          },
        }
      : false,
  });
  const meta = await readMeta(db);
  const hub = await createHub(db);
  const sessions = createSessions(db, meta.tokenSecret, now);
  const authenticate = createAuthenticate(db, meta.tokenSecret, now);

  // Consoles run on other origins (the desktop app's app://, the web console's own port). Requests carry
  // bearer tokens, never cookies, so answering any origin gives a foreign page nothing it could abuse.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      return reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type, x-api-key')
        .header('access-control-max-age', '600')
        .send();
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).headers(error.headers).send(error.toBody());
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return reply.status(413).send(new HttpError('too_large', 'The request body is too large').toBody());
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return reply.status(415).send(new HttpError('unsupported_media_type', 'Send application/json').toBody());
    if (status >= 400 && status < 500) return reply.status(400).send(new HttpError('invalid_request', 'The request is not valid JSON for this call').toBody());
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(new HttpError('internal', 'Something went wrong on the server').toBody());
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(new HttpError('not_found', 'No such endpoint').toBody()));

  // Pages prepared ahead are dropped by every write, also those of other server processes (their pokes).
  const readAhead = createReadAhead();
  hub.subscribe((event) => {
    if (event.type === 'poke') readAhead.clear();
  });
  const deps = { db, now, hub, sessions, authenticate, readAhead, epoch: meta.epoch, alertsKey: options.alertsKey };
  await app.register(async (api) => {
    registerAuthRoutes(api, deps);
    registerSyncRoutes(api, deps);
    registerTicketRoutes(api, deps);
    registerAttachmentRoutes(api, deps);
    registerEventRoutes(api, deps);
    registerAlertRoutes(api, deps);
  }, { prefix: '/api/v1' });
  app.addHook('onClose', async () => hub.close());
  return Object.assign(app, { hub });
}

export type RouteDeps = {
  db: Database;
  now: () => Date;
  hub: Hub;
  sessions: ReturnType<typeof createSessions>;
  authenticate: ReturnType<typeof createAuthenticate>;
  readAhead: ReadAhead;
  epoch: string;
  alertsKey: string | undefined;
};
