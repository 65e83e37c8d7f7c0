// Attachment bytes: uploaded after their `attachment.add` metadata, checked against its size and hash,
// served back only to agents of the ticket's desk and never rendered inline.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maySeeDesk } from '../../shared/rules/permissions';
import { Id } from '../../shared/schemas/common';
import { MAX_ATTACHMENT_BYTES, type Agent, type Attachment } from '../../shared/schemas/entities';
import type { RouteDeps } from '../app';
import { HttpError } from '../http-error';
import { getOne, lockChanges, ticket, writePuts } from '../sync/entity-store';
import { parse } from '../validate';
import { pokeAll } from './sync';

export function registerAttachmentRoutes(api: FastifyInstance, deps: RouteDeps) {
  const visibleAttachment = async (agent: Agent, id: string) => {
    const attachment = await getOne<Attachment>(deps.db, 'attachment', id);
    const owner = attachment ? await ticket(deps.db, attachment.ticketId) : null;
    if (!attachment || !owner || !maySeeDesk(agent, owner.desk)) throw new HttpError('not_found', 'No such attachment');
    return { attachment, desk: owner.desk };
  };

  void api.register(async (raw) => {
    // Bytes of any type, within this route only; the JSON routes keep their 1 MB limit.
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));

    raw.put('/attachments/:id', async (request, reply) => {
      const agent = await deps.authenticate(request);
      const { id } = parse(z.object({ id: Id }), request.params);
      const { attachment, desk } = await visibleAttachment(agent, id);
      const bytes = request.body as Buffer;
      if (!Buffer.isBuffer(bytes)) throw new HttpError('invalid_request', 'Send the file bytes as the body');
      if (bytes.length !== attachment.size || createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
        throw new HttpError('invalid_request', 'The bytes do not match the size and hash given in attachment.add', [{ path: 'body' }]);
      }
      await deps.db.transaction(async (tx) => {
        await lockChanges(tx);
        await tx.query('INSERT INTO attachment_bytes (id, media_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, attachment.mediaType, bytes]);
        if (!attachment.uploaded) await writePuts(tx, [{ entity: 'attachment', id, op: 'put', data: { ...attachment, uploaded: true } }], () => desk);
      });
      pokeAll(deps);
      return reply.status(204).send();
    });
  });

  api.get('/attachments/:id', async (request, reply) => {
    const agent = await deps.authenticate(request);
    const { id } = parse(z.object({ id: Id }), request.params);
    const { attachment } = await visibleAttachment(agent, id);
    const [row] = await deps.db.query<{ bytes: Uint8Array }>('SELECT bytes FROM attachment_bytes WHERE id = $1', [id]);
    if (!row) throw new HttpError('not_found', 'The file has not been uploaded yet');
    return reply
      .type(attachment.mediaType)
      .header('content-disposition', `attachment; filename="${encodeURIComponent(attachment.fileName)}"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(row.bytes));
  });
}
