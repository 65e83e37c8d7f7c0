// Whether the cache's first full load (the bootstrap) has finished. Until then a pane's counts and
// search results cover only what has arrived, and the pane says so.
import { useLiveQuery } from 'dexie-react-hooks';
import { useConsole } from './console-context';

export function useCacheLoaded(): boolean {
  const { db } = useConsole();
  return useLiveQuery(() => db.getMeta<boolean>('bootstrapped'), [db]) === true;
}
