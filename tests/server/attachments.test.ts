// Attachments over real HTTP on each storage: `attachment.add` sends the metadata, `PUT /attachments/{id}`
// the raw bytes (any content type), checked against the size and SHA-256 given; `GET` serves them back
// as a download only to agents of the ticket's desk; the size limit is a `rejected` too_large.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device } from './device';
import { STORAGES, startTestServer, type TestServer } from './harness';

const MB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(STORAGES)('attachments on %s', (storage) => {
  let server: TestServer;
  let agentToken: string;
  let techToken: string;
  let agent: ReturnType<typeof device>;
  let helpTicketId: string;
  let serviceTicketId: string;

  beforeAll(async () => {
    server = await startTestServer(storage, { tickets: 40, articles: 10 });
    agentToken = (await server.login('agent@example.com')).accessToken;
    techToken = (await server.login('tech@example.com')).accessToken;
    agent = device(server, agentToken);
    const pick = async (desk: string) =>
      (await server.db.query<{ id: string }>(`SELECT id::text FROM entities WHERE entity = 'ticket' AND desk = $1 ORDER BY id LIMIT 1`, [desk]))[0]?.id ?? 'missing';
    helpTicketId = await pick('help');
    serviceTicketId = await pick('service');
  });
  afterAll(async () => server?.close());

  /** Registers an attachment's metadata through a push; returns its id. */
  async function addAttachment(ticketId: string, bytes: Buffer, fileName = 'meter-photo.jpg', mediaType = 'image/jpeg', size = bytes.length) {
    const id = randomUUID();
    const res = await agent.push({ name: 'attachment.add', args: { id, ticketId, fileName, mediaType, size, sha256: sha256(bytes) } });
    expect(res.json.results[0].status).toBe('applied');
    return id;
  }
  const put = (id: string, bytes: Buffer, contentType: string, token = agentToken) =>
    fetch(`${server.url}/attachments/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: new Uint8Array(bytes) });
  const get = (id: string, token = agentToken) => fetch(`${server.url}/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const attachmentRow = async (id: string) => (await agent.pullAll(undefined, 5000)).rows.get(`attachment:${id}`) as Record<string, unknown> | undefined;
  const storedBytes = async (id: string) => Number((await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM attachment_bytes WHERE id = $1`, [id]))[0]?.n);

  it('matching bytes are stored (204), the row becomes uploaded, and GET returns the same bytes as a download', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0a, 0x0d]), randomBytes(70_000)]);
    const id = await addAttachment(helpTicketId, bytes);
    expect(await attachmentRow(id)).toMatchObject({ ticketId: helpTicketId, fileName: 'meter-photo.jpg', size: bytes.length, uploaded: false });
    expect((await get(id)).status).toBe(404); // nothing uploaded yet

    const res = await put(id, bytes, 'image/jpeg');
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await attachmentRow(id)).toMatchObject({ uploaded: true, sha256: sha256(bytes) });

    const download = await get(id);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get('content-type')).toMatch(/^image\/jpeg/);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-disposition')).toContain('meter-photo.jpg');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    // Uploading the same bytes again is harmless.
    expect((await put(id, bytes, 'image/jpeg')).status).toBe(204);
    expect(await storedBytes(id)).toBe(1);
  });

  it('bytes of any content type are accepted, JSON and HTML included, and served back only as a download', async () => {
    const cases: Array<[string, Buffer, string]> = [
      ['export.json', Buffer.from('{"meter": 12345, "reading": "0042"}'), 'application/json'],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>'), 'text/html'],
      ['notes.txt', Buffer.from('Zákazník volal dvakrát.\n'), 'text/plain; charset=utf-8'],
      ['blob.bin', randomBytes(1000), 'application/octet-stream'],
    ];
    for (const [fileName, bytes, contentType] of cases) {
      const id = await addAttachment(serviceTicketId, bytes, fileName, contentType.split(';')[0] ?? contentType);
      const res = await put(id, bytes, contentType);
      expect([fileName, res.status]).toEqual([fileName, 204]);
      const download = await get(id);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('a mismatching hash or size is 400 and stores nothing', async () => {
    const bytes = randomBytes(4096);
    const id = await addAttachment(helpTicketId, bytes, 'contract.pdf', 'application/pdf');
    const tampered = Buffer.from(bytes);
    tampered[100] = (tampered[100] ?? 0) ^ 0xff;
    for (const wrong of [tampered, bytes.subarray(0, 4095), Buffer.concat([bytes, Buffer.from([0])]), Buffer.alloc(0)]) {
      const res = await put(id, wrong, 'application/pdf');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'invalid_request', message: expect.any(String), details: expect.any(Array) } });
    }
    expect(await storedBytes(id)).toBe(0);
    expect(await attachmentRow(id)).toMatchObject({ uploaded: false });
    expect((await get(id)).status).toBe(404);
    // The right bytes still go in afterwards.
    expect((await put(id, bytes, 'application/pdf')).status).toBe(204);
  });

  it('an agent of another desk gets 404 for the bytes, both ways; without a token it is 401', async () => {
    const bytes = Buffer.from('%PDF-1.7 invoice 2026/11');
    const id = await addAttachment(helpTicketId, bytes, 'invoice.pdf', 'application/pdf');
    expect((await put(id, bytes, 'application/pdf')).status).toBe(204);

    // The field tech works the Service Desk only.
    const techGet = await get(id, techToken);
    expect(techGet.status).toBe(404);
    expect(await techGet.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect((await put(id, bytes, 'application/pdf', techToken)).status).toBe(404);
    // Not even the metadata reaches the tech.
    expect((await device(server, techToken).pullAll(undefined, 5000)).rows.has(`attachment:${id}`)).toBe(false);

    const anonymous = await fetch(`${server.url}/attachments/${id}`);
    expect(anonymous.status).toBe(401);
    const anonymousPut = await fetch(`${server.url}/attachments/${id}`, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(bytes) });
    expect(anonymousPut.status).toBe(401);

    // A Service Desk attachment is the tech's to read.
    const serviceBytes = Buffer.from('router config');
    const serviceId = await addAttachment(serviceTicketId, serviceBytes, 'router.cfg', 'text/plain');
    expect((await put(serviceId, serviceBytes, 'text/plain')).status).toBe(204);
    const techOwn = await get(serviceId, techToken);
    expect(techOwn.status).toBe(200);
    expect(Buffer.from(await techOwn.arrayBuffer()).equals(serviceBytes)).toBe(true);
  });

  it('an empty file uploads too; a body over 25 MB is 413 too_large and stores nothing', async () => {
    const empty = Buffer.alloc(0);
    const emptyId = await addAttachment(serviceTicketId, empty, 'empty.txt', 'text/plain');
    expect((await put(emptyId, empty, 'text/plain')).status).toBe(204);
    expect(await attachmentRow(emptyId)).toMatchObject({ size: 0, uploaded: true });
    const download = await get(emptyId);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(0);

    const small = Buffer.from('claimed small');
    const id = await addAttachment(serviceTicketId, small, 'huge.iso', 'application/octet-stream');
    const res = await put(id, Buffer.alloc(25 * MB + 1), 'application/octet-stream');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'too_large', message: expect.any(String) } });
    expect(await storedBytes(id)).toBe(0);
    expect(await attachmentRow(id)).toMatchObject({ uploaded: false });
  });

  it('bytes for an attachment nobody registered are 404', async () => {
    const id = randomUUID();
    expect((await put(id, Buffer.from('x'), 'text/plain')).status).toBe(404);
    expect(await storedBytes(id)).toBe(0);
  });

  it('attachment.add over 25 MB is rejected too_large and writes nothing; exactly 25 MB is accepted', async () => {
    const id = randomUUID();
    const res = await agent.push({ name: 'attachment.add', args: { id, ticketId: serviceTicketId, fileName: 'backup.zip', mediaType: 'application/zip', size: 25 * MB + 1, sha256: 'b'.repeat(64) } });
    expect(res.json.results[0]).toMatchObject({ status: 'rejected', error: { code: 'too_large' } });
    expect(await server.db.query(`SELECT 1 FROM entities WHERE id = $1`, [id])).toEqual([]);
    expect(await attachmentRow(id)).toBeUndefined();

    const atLimit = randomUUID();
    const ok = await agent.push({ name: 'attachment.add', args: { id: atLimit, ticketId: serviceTicketId, fileName: 'backup.zip', mediaType: 'application/zip', size: 25 * MB, sha256: 'b'.repeat(64) } });
    expect(ok.json.results[0].status).toBe('applied');
  });
});
