// Under a supervisor's queue: how many tickets are picked (in either queue or on the board), and the
// bulk reassignment for them opened in place, its per-ticket outcomes shown until the supervisor closes it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulkReassign } from '../supervisor/BulkReassign';
import { useAgents, useGroups } from '../supervisor/use-supervisor-data';
import '../supervisor/supervisor.css';

type Props = { pickedCount: number; onClear(): void };

export function QueueBulkBar({ pickedCount, onClear }: Props) {
  const { t } = useTranslation('queues');
  const id = useId();
  const [open, setOpen] = useState(false);
  if (pickedCount === 0 && !open) return null;
  return (
    <div className="sbq-bulk">
      <div role="group" aria-label={t('selection.bar')} className="sbq-bulk__bar">
        <span role="status">{t('selection.count', { count: pickedCount })}</span>
        <button type="button" className="sbq-button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
          {open ? t('selection.close') : t('selection.reassign')}
        </button>
        <button type="button" className="sbq-button" onClick={onClear} disabled={pickedCount === 0}>{t('selection.clear')}</button>
      </div>
      {open && (
        <section id={`${id}-panel`} aria-label={t('selection.panel')} className="sbq-bulk__panel">
          <ReassignPicked />
        </section>
      )}
    </div>
  );
}

function ReassignPicked() {
  const { t } = useTranslation('queues');
  const agents = useAgents();
  const groups = useGroups();
  if (!agents) return <p role="status">{t('loading')}</p>;
  return <BulkReassign agents={agents} groups={groups} />;
}
