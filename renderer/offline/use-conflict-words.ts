// A conflict's fields and values in words, for every view that shows mine and theirs: field names and
// status names in the console's language, agents by name ("me" for the agent), rather than the raw
// field keys, status codes and agent ids the server sent.
import { useLiveQuery } from 'dexie-react-hooks';
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

export type ConflictWords = {
  field(field: string): string;
  value(field: string, value: unknown): string;
};

export function useConflictWords(conflicts: readonly ConflictEntry[]): ConflictWords {
  const { t } = useTranslation('offline');
  const { db, actor } = useConsole();
  const ids = agentIdsOf(conflicts);
  const names = useLiveQuery(
    async () => new Map((await db.agents.bulkGet(ids)).flatMap((a) => (a ? [[a.id, a.name] as const] : []))),
    [db, ids.join(',')],
    new Map<string, string>(),
  );
  return {
    field: (field) => t(`field.${field}`, { defaultValue: field }),
    value: (field, v) => {
      if (v === null || v === undefined) return field === 'assigneeId' ? t('conflicts.unassigned') : '—';
      if (field === 'status' && typeof v === 'string') return t(`statusName.${v}`, { defaultValue: v });
      if (AGENT_FIELDS.has(field) && typeof v === 'string') return v === actor.id ? t('conflicts.me') : names.get(v) ?? t('conflicts.unknownAgent');
      return typeof v === 'string' ? v : JSON.stringify(v);
    },
  };
}
