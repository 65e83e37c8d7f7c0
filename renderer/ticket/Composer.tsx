// One composer, two modes: a public reply the requester sees, or an internal note only agents see.
// The draft lives in the composer store (it survives closing the ticket and receives knowledge-base
// inserts); sending queues `comment.add` with a client-made id, so it works offline.
import { useId, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import { useComposerStore, useDraft, type Visibility } from './composer-store';

export function Composer({ ticketId, textareaRef, onEditing }: {
  ticketId: string;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Told when the agent starts typing and when the draft is sent or emptied (presence). */
  onEditing?: (editing: boolean) => void;
}) {
  const { t } = useTranslation('ticket');
  const { change, newId } = useConsole();
  const id = useId();
  const draft = useDraft(ticketId);
  const setText = useComposerStore((s) => s.setText);
  const setMode = useComposerStore((s) => s.setMode);
  const action = useAction();
  const internal = draft.mode === 'internal';

  async function send() {
    const sentText = draft.text;
    const body = sentText.trim();
    if (!body) return;
    const visibility: Visibility = draft.mode;
    const sent = await action.run(() => change('comment.add', { id: newId(), ticketId, body, visibility }));
    if (sent) {
      // Take out what was sent, keeping anything typed meanwhile; the chosen mode stays (an agent
      // writing notes usually writes another).
      const current = useComposerStore.getState().drafts[ticketId]?.text ?? '';
      if (current.startsWith(sentText)) setText(ticketId, current.slice(sentText.length).replace(/^\s+/, ''));
      onEditing?.(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form className={`sb-composer${internal ? ' sb-composer--internal' : ''}`} onSubmit={submit} aria-label={t('composer.title')}>
      <fieldset className="sb-composer__modes">
        <legend>{t('composer.mode')}</legend>
        <label>
          <input type="radio" name={`${id}-mode`} value="public" checked={!internal} onChange={() => setMode(ticketId, 'public')} />
          {t('composer.reply')}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} value="internal" checked={internal} onChange={() => setMode(ticketId, 'internal')} />
          {t('composer.note')}
        </label>
      </fieldset>
      <label htmlFor={`${id}-body`} className="sb-composer__label">
        {internal ? t('composer.noteLabel') : t('composer.replyLabel')}
      </label>
      <textarea
        id={`${id}-body`}
        ref={textareaRef}
        className="sb-composer__body"
        rows={5}
        maxLength={100_000}
        value={draft.text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(ticketId, e.target.value);
          onEditing?.(e.target.value.trim() !== '');
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="sb-ticket__hint">{internal ? t('composer.noteHint') : t('composer.replyHint')}</p>
      <button type="submit" disabled={action.busy || !draft.text.trim()}>
        {internal ? t('composer.sendNote') : t('composer.sendReply')}
      </button>
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}
