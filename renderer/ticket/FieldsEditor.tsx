// The ticket's editable details (subject, category, tags). Shown as text; "Edit details" opens a form
// started from the current values, and saving sends only the fields that changed, on the version seen.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFields } from '../../shared/protocol/mutations';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';

const MAX_TAGS = 30;

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function FieldsEditor({ ticket, canEdit }: { ticket: Ticket; canEdit: boolean }) {
  const { t } = useTranslation('ticket');
  const [editing, setEditing] = useState(false);
  return (
    <section className="sb-ticket__card sb-fields">
      <h3 className="sb-ticket__section-title">{t('fields.title')}</h3>
      {editing ? (
        <FieldsForm ticket={ticket} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="sb-ticket__dl">
            <div><dt>{t('fields.category')}</dt><dd>{ticket.category ?? <span className="sb-ticket__none">{t('requester.none')}</span>}</dd></div>
            <div>
              <dt>{t('fields.tags')}</dt>
              <dd>
                {ticket.tags.length === 0 ? <span className="sb-ticket__none">{t('requester.none')}</span> : (
                  <ul className="sb-tags">{ticket.tags.map((tag) => <li key={tag} className="sb-tag">{tag}</li>)}</ul>
                )}
              </dd>
            </div>
            {ticket.resolution ? <div><dt>{t('fields.resolution')}</dt><dd>{ticket.resolution}</dd></div> : null}
          </dl>
          {canEdit ? <button type="button" onClick={() => setEditing(true)}>{t('fields.edit')}</button> : null}
        </>
      )}
    </section>
  );
}

function FieldsForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation('ticket');
  const { change } = useConsole();
  const id = useId();
  const action = useAction();
  const [subject, setSubject] = useState(ticket.subject);
  const [category, setCategory] = useState(ticket.category ?? '');
  const [tags, setTags] = useState(ticket.tags.join(', '));
  const [problem, setProblem] = useState<'subject' | 'tags' | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nextTags = parseTags(tags);
    if (!subject.trim()) return setProblem('subject');
    if (nextTags.length > MAX_TAGS || nextTags.some((tag) => tag.length > 50)) return setProblem('tags');
    setProblem(null);
    const fields: TicketFields = {};
    if (subject.trim() !== ticket.subject) fields.subject = subject.trim();
    const nextCategory = category.trim() || null;
    if (nextCategory !== ticket.category) fields.category = nextCategory;
    if (nextTags.join('\n') !== ticket.tags.join('\n')) fields.tags = nextTags;
    if (Object.keys(fields).length === 0) return onDone();
    if (await action.run(() => change('ticket.update', { ticketId: ticket.id, baseVersion: ticket.version, fields }))) onDone();
  }

  return (
    <form className="sb-ticket__form" onSubmit={submit} aria-label={t('fields.formLabel')} noValidate>
      <div className="sb-ticket__field">
        <label htmlFor={`${id}-subject`}>{t('fields.subject')}</label>
        <input
          id={`${id}-subject`}
          value={subject}
          maxLength={300}
          required
          aria-invalid={problem === 'subject' || undefined}
          onChange={(e) => setSubject(e.target.value)}
        />
        {problem === 'subject' ? <p role="alert" className="sb-ticket__error">{t('fields.subjectRequired')}</p> : null}
      </div>
      <div className="sb-ticket__field">
        <label htmlFor={`${id}-category`}>{t('fields.category')}</label>
        <input id={`${id}-category`} value={category} maxLength={100} onChange={(e) => setCategory(e.target.value)} />
      </div>
      <div className="sb-ticket__field">
        <label htmlFor={`${id}-tags`}>{t('fields.tags')}</label>
        <input
          id={`${id}-tags`}
          value={tags}
          aria-describedby={`${id}-tags-hint`}
          aria-invalid={problem === 'tags' || undefined}
          onChange={(e) => setTags(e.target.value)}
        />
        <p id={`${id}-tags-hint`} className="sb-ticket__hint">{t('fields.tagsHint')}</p>
        {problem === 'tags' ? <p role="alert" className="sb-ticket__error">{t('fields.tagsInvalid')}</p> : null}
      </div>
      <div className="sb-ticket__row">
        <button type="submit" disabled={action.busy}>{t('fields.save')}</button>
        <button type="button" onClick={onDone}>{t('fields.cancel')}</button>
      </div>
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}
