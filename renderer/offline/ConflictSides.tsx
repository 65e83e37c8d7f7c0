// Conflicts as a field tech meets them after a day out: what I did and what the server has now, field
// by field, in words (status names, agent names), and where the ticket went meanwhile. Resolving happens
// in the console's conflicts inbox; this only shows and points there.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import type { ConflictEntry } from '../db/cache-db';

const AGENT_FIELDS = new Set(['assigneeId']);

function agentIdsOf(conflicts: readonly ConflictEntry[]): string[] {
  const ids = new Set<string>();
  for (const c of conflicts) {
    for (const f of c.fields) if (AGENT_FIELDS.has(f.field)) [f.mine, f.theirs].forEach((v) => typeof v === 'string' && ids.add(v));
    const current = (c.current ?? {}) as { assigneeId?: unknown };
    if (typeof current.assigneeId === 'string') ids.add(current.assigneeId);
  }
  return [...ids].sort();
}

export function ConflictSides({ conflicts, describe, onOpenConflicts }: {
  conflicts: readonly ConflictEntry[];
  describe: (m: ConflictEntry['mutation']) => string;
  onOpenConflicts?: () => void;
}) {
  const { t } = useTranslation('offline');
  const { db, actor } = useConsole();
  const headingId = useId();
  const ids = agentIdsOf(conflicts);
  const names = useLiveQuery(
    async () => new Map((await db.agents.bulkGet(ids)).flatMap((a) => (a ? [[a.id, a.name] as const] : []))),
    [db, ids.join(',')],
    new Map<string, string>(),
  );

  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined) return field === 'assigneeId' ? t('conflicts.unassigned') : '—';
    if (field === 'status' && typeof v === 'string') return t(`statusName.${v}`, { defaultValue: v });
    if (AGENT_FIELDS.has(field) && typeof v === 'string') return v === actor.id ? t('conflicts.me') : names.get(v) ?? t('conflicts.unknownAgent');
    return typeof v === 'string' ? v : JSON.stringify(v);
  };

  return (
    <div className="sb-field__conflicts" role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className="sb-field__subheading">{t('conflicts.title', { count: conflicts.length })}</h4>
      <p className="sb-field__hint">{t('conflicts.intro')}</p>
      <ul className="sb-conflicts">
        {conflicts.map((c) => {
          const current = (c.current ?? {}) as { assigneeId?: string | null };
          const movedAway = 'assigneeId' in current && current.assigneeId !== actor.id && !c.fields.some((f) => f.field === 'assigneeId');
          return (
            <li key={c.id} className="sb-conflict">
              <p className="sb-conflict__what">{describe(c.mutation)}</p>
              <table className="sb-conflict__sides">
                <thead>
                  <tr><th scope="col">{t('conflicts.field')}</th><th scope="col">{t('conflicts.mine')}</th><th scope="col">{t('conflicts.theirs')}</th></tr>
                </thead>
                <tbody>
                  {c.fields.map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{t(`field.${f.field}`, { defaultValue: f.field })}</th>
                      <td>{value(f.field, f.mine)}</td>
                      <td>{value(f.field, f.theirs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {movedAway ? <p className="sb-field__hint">{t('conflicts.nowAssigned', { name: value('assigneeId', current.assigneeId ?? null) })}</p> : null}
            </li>
          );
        })}
      </ul>
      {onOpenConflicts ? <button type="button" onClick={onOpenConflicts}>{t('conflicts.open')}</button> : null}
    </div>
  );
}
