// Whether the server has this ticket's latest changes: a "pending" badge while any of them waits in the
// outbox, and a notice for each conflict the server reported, with mine and theirs per field.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/schemas/entities';
import { useConflicts, usePendingCount } from './use-ticket-data';

/** A field's value in words: agents by name, statuses by their name in the console's language. */
function show(field: string, value: unknown, agents: ReadonlyMap<string, Agent>, t: TFunction<'ticket'>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status' && typeof value === 'string') return t(`statusName.${value}`, { defaultValue: value });
  if (typeof value === 'string') return agents.get(value)?.name ?? value;
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function SyncNotices({ ticketId, agents }: { ticketId: string; agents: ReadonlyMap<string, Agent> }) {
  const { t } = useTranslation('ticket');
  const pending = usePendingCount(ticketId);
  const conflicts = useConflicts(ticketId);
  if (pending === 0 && conflicts.length === 0) return null;
  return (
    <div className="sb-ticket__sync">
      {pending > 0 ? (
        <p className="sb-badge sb-badge--pending" role="status">{t('sync.pending', { count: pending })}</p>
      ) : null}
      {conflicts.map((c) => (
        <div key={c.id} className="sb-conflict" role="alert">
          <p className="sb-conflict__title">{t('sync.conflict', { mutation: t(`history.mutation.${c.mutation.name.replace('.', '_')}`, { defaultValue: c.mutation.name }) })}</p>
          <ul>
            {c.fields.map((f) => (
              <li key={f.field}>
                {t('sync.conflictField', { field: t(`field.${f.field}`, { defaultValue: f.field }), mine: show(f.field, f.mine, agents, t), theirs: show(f.field, f.theirs, agents, t) })}
              </li>
            ))}
          </ul>
          <p className="sb-ticket__hint">{t('sync.conflictHint')}</p>
        </div>
      ))}
    </div>
  );
}
