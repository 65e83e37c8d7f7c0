// Photos and files from site: picked from disk or taken with the camera, their bytes kept in the cache
// (db.blobs) and `attachment.add` queued with the SHA-256 the server checks the upload against. Until the
// bytes are uploaded, this device holds the only copy, and the list says so.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { sha256Hex } from '../ticket/sha256';
import { formatBytes } from './storage';

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;
/** Photos first (a phone or tablet offers its camera), then the documents a tech brings back. */
export const SITE_FILE_TYPES = 'image/*,application/pdf,text/plain,text/csv,application/zip,.log,.txt,.doc,.docx,.xls,.xlsx';

export function SiteFiles({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation('offline');
  const { db, change, newId } = useConsole();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const files = useLiveQuery(() => db.attachments.where('ticketId').equals(ticket.id).toArray(), [db, ticket.id]);
  const waiting = (files ?? []).filter((a) => !a.uploaded);

  async function keep(file: File): Promise<string | null> {
    if (file.size > MAX_ATTACHMENT_BYTES) return t('files.tooLarge', { name: file.name, max: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language) });
    const attachmentId = newId();
    const mediaType = MEDIA_TYPE.test(file.type) ? file.type : 'application/octet-stream';
    const fileName = (file.name.trim() || 'file').slice(0, 255);
    try {
      const sha256 = await sha256Hex(file);
      await db.blobs.put({ id: attachmentId, blob: file });
      try {
        await change('attachment.add', { id: attachmentId, ticketId: ticket.id, fileName, mediaType, size: file.size, sha256 });
      } catch (error) {
        await db.blobs.delete(attachmentId);
        throw error;
      }
      return null;
    } catch (error) {
      console.error('Keeping a file failed', error);
      return t('files.failed', { name: file.name });
    }
  }

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const picked = [...(input.files ?? [])];
    if (picked.length === 0) return;
    setBusy(true);
    const found: string[] = [];
    for (const file of picked) {
      const problem = await keep(file);
      if (problem) found.push(problem);
    }
    setProblems(found);
    setBusy(false);
    input.value = '';
  }

  return (
    <div className="sb-site__files">
      {/* Two doors: `capture` goes straight to a phone's camera, so files from disk need an input without it. */}
      <div className="sb-field__row">
        <label htmlFor={`${id}-photo`}>{t('files.photo')}</label>
        <input id={`${id}-photo`} type="file" accept="image/*" capture="environment" disabled={busy} onChange={onPick} />
      </div>
      <div className="sb-field__row">
        <label htmlFor={`${id}-file`}>{t('files.pick')}</label>
        <input id={`${id}-file`} type="file" accept={SITE_FILE_TYPES} multiple disabled={busy} onChange={onPick} />
      </div>
      {busy ? <p role="status">{t('files.saving')}</p> : null}
      {problems.map((p) => <p key={p} role="alert" className="sb-field__error">{p}</p>)}
      {waiting.length > 0 ? (
        <ul className="sb-site__waiting" aria-label={t('files.waitingLabel')}>
          {waiting.map((a) => (
            <li key={a.id}>
              {a.fileName} <span className="sb-field__hint">{formatBytes(a.size, i18n.language)} · {t('files.kept')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
