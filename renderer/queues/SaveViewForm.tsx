// Names the view being saved: an inline form rather than window.prompt, which Electron does not have.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function SaveViewForm({ suggestion, onSave, onCancel }: { suggestion: string; onSave(name: string): void; onCancel(): void }) {
  const { t } = useTranslation('queues');
  const [name, setName] = useState(suggestion);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSave(name.trim());
  };
  return (
    <form className="sbq-save" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label htmlFor={id}>{t('save.name')}</label>
      <input id={id} value={name} maxLength={80} autoFocus onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={!name.trim()}>{t('save.confirm')}</button>
      <button type="button" onClick={onCancel}>{t('save.cancel')}</button>
    </form>
  );
}
