// Files on the ticket. A picked file's bytes are kept in the cache (db.blobs) first, then
// `attachment.add` queues its metadata with the SHA-256 the server checks the upload against; the
// bytes go up when the console is online. Until then the file shows as waiting.
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { sha256Hex } from './sha256';

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

export function formatBytes(bytes: number, language: string): string {
  const [unit, size] = bytes >= 1024 * 1024 ? (['megabyte', bytes / 1024 / 1024] as const)
    : bytes >= 1024 ? (['kilobyte', bytes / 1024] as const)
    : (['byte', bytes] as const);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(size);
}

export function Attachments({ ticketId, attachments, canAttach }: {
  ticketId: string;
  attachments: readonly Attachment[] | undefined;
  canAttach: boolean;
}) {
  const { t, i18n } = useTranslation('ticket');
  const { db, change, newId } = useConsole();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  async function attach(file: File): Promise<string | null> {
    if (file.size > MAX_ATTACHMENT_BYTES) return t('attachments.tooLarge', { name: file.name, max: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language) });
    const attachmentId = newId();
    const mediaType = MEDIA_TYPE.test(file.type) ? file.type : 'application/octet-stream';
    const fileName = (file.name.trim() || 'file').slice(0, 255);
    try {
      const sha256 = await sha256Hex(file);
      await db.blobs.put({ id: attachmentId, blob: file });
      try {
        await change('attachment.add', { id: attachmentId, ticketId, fileName, mediaType, size: file.size, sha256 });
      } catch (error) {
        await db.blobs.delete(attachmentId);
        throw error;
      }
      return null;
    } catch (error) {
      console.error('Attaching failed', error);
      return t('attachments.failed', { name: file.name });
    }
  }

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    const found: string[] = [];
    for (const file of files) {
      const problem = await attach(file);
      if (problem) found.push(problem);
    }
    setProblems(found);
    setBusy(false);
    input.value = '';
  }

  return (
    <section className="sb-ticket__card sb-attachments">
      <h3 className="sb-ticket__section-title">{t('attachments.title')}</h3>
      {attachments && attachments.length > 0 ? (
        <ul className="sb-attachments__list">
          {attachments.map((a) => (
            <li key={a.id} className="sb-attachment">
              <span className="sb-attachment__name">{a.fileName}</span>{' '}
              <span className="sb-attachment__size">{formatBytes(a.size, i18n.language)}</span>{' '}
              <span className={`sb-badge ${a.uploaded ? 'sb-badge--done' : 'sb-badge--waiting'}`}>
                {a.uploaded ? t('attachments.uploaded') : t('attachments.waiting')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sb-ticket__hint">{attachments === undefined ? t('loading') : t('attachments.none')}</p>
      )}
      {canAttach ? (
        <div className="sb-ticket__field">
          <label htmlFor={`${id}-file`}>{t('attachments.pick')}</label>
          <input id={`${id}-file`} type="file" multiple disabled={busy} onChange={onPick} aria-describedby={`${id}-limit`} />
          <p id={`${id}-limit`} className="sb-ticket__hint">{t('attachments.limit', { max: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language) })}</p>
          {busy ? <p role="status">{t('attachments.saving')}</p> : null}
          {problems.map((p) => <p key={p} role="alert" className="sb-ticket__error">{p}</p>)}
        </div>
      ) : null}
    </section>
  );
}
