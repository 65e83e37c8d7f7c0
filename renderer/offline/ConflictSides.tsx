// Conflicts as a field tech meets them after a day out: what I did and what the server has now, field
// by field, in words (status names, agent names), and where the ticket went meanwhile. Resolving happens
// in the console's conflicts inbox; this only shows and points there.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/console-context';
import type { ConflictEntry } from '../db/cache-db';
import { useConflictWords } from './use-conflict-words';

export function ConflictSides({ conflicts, describe, onOpenConflicts }: {
  conflicts: readonly ConflictEntry[];
  describe: (m: ConflictEntry['mutation']) => string;
  onOpenConflicts?: () => void;
}) {
  const { t } = useTranslation('offline');
  const { actor } = useConsole();
  const headingId = useId();
  const words = useConflictWords(conflicts);

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
                      <th scope="row">{words.field(f.field)}</th>
                      <td>{words.value(f.field, f.mine)}</td>
                      <td>{words.value(f.field, f.theirs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {movedAway ? <p className="sb-field__hint">{t('conflicts.nowAssigned', { name: words.value('assigneeId', current.assigneeId ?? null) })}</p> : null}
            </li>
          );
        })}
      </ul>
      {onOpenConflicts ? <button type="button" onClick={onOpenConflicts}>{t('conflicts.open')}</button> : null}
    </div>
  );
}
