// The agent's own views, kept in the cache's `meta` table under `savedViews:<agent id>`: local to this
// device and this agent, never synced, and read back with a live query so a view saved in one window
// appears in the others.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { z } from 'zod';
import { useConsole } from '../app/console-context';
import type { CacheDb } from '../db/cache-db';
import { COLUMN_IDS } from './columns';
import { BUILTIN_VIEWS, type SavedView } from './views';

// What is stored may come from an older console: anything malformed is dropped, never shown half-read.
const StoredView = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(80),
  desk: z.enum(['service', 'help']),
  base: z.enum(BUILTIN_VIEWS),
  filter: z.string().max(200),
  sort: z.object({ column: z.enum(COLUMN_IDS), direction: z.enum(['ascending', 'descending']) }),
});

export const savedViewsKey = (agentId: string) => `savedViews:${agentId}`;

function parseViews(value: unknown): SavedView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = StoredView.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

async function update(db: CacheDb, key: string, change: (views: SavedView[]) => SavedView[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const views = parseViews(await db.getMeta(key));
    await db.meta.put({ key, value: change(views) });
  });
}

const NONE: SavedView[] = [];

export function useSavedViews(desk: 'service' | 'help') {
  const { db, actor, newId } = useConsole();
  const key = savedViewsKey(actor.id);
  const stored = useLiveQuery(async () => parseViews(await db.getMeta(key)), [db, key]);
  const views = useMemo(() => (stored ?? NONE).filter((v) => v.desk === desk), [stored, desk]);

  const save = useCallback(
    async (view: Omit<SavedView, 'id' | 'desk'>): Promise<SavedView> => {
      const saved: SavedView = { ...view, name: view.name.trim(), id: newId(), desk };
      await update(db, key, (views) => [...views, saved]);
      return saved;
    },
    [db, key, newId, desk],
  );

  const remove = useCallback((id: string) => update(db, key, (views) => views.filter((v) => v.id !== id)), [db, key]);

  return { views, save, remove };
}
