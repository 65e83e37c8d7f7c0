// One article straight from the cache, live: undefined while loading, null when there is none.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Article } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';

export function useArticle(id: string | null): Article | null | undefined {
  const { db } = useConsole();
  return useLiveQuery(async () => (id === null ? null : ((await db.articles.get(id)) ?? null)), [db, id], undefined);
}
