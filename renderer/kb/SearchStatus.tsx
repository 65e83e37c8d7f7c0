// One polite line for screen readers and eyes: indexing progress while the first build runs, then how
// many articles match, and while the cache is still loading, that more may come.
import { useTranslation } from 'react-i18next';
import type { LiveIndexState } from './live-index';
import { DEFAULT_LIMIT } from './search-index';

export function SearchStatus({ count, state, partial }: { count: number; state: LiveIndexState; partial: boolean }) {
  const { t } = useTranslation('kb');
  let text: string;
  if (!state.ready) text = t('status.indexing', { done: state.indexed, total: Math.max(state.total, state.indexed) });
  else if (count === 0) text = t(partial ? 'status.noneYet' : 'status.none');
  else if (count >= DEFAULT_LIMIT) text = t('status.first', { count });
  else text = t('status.count', { count });
  if (partial && count > 0) text = `${text} ${t('status.partial')}`;
  return (
    <p className="sb-kbpane__status" role="status">
      {text}
    </p>
  );
}
