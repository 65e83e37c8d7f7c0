// The pane's results: the index answers the current query and filters, again whenever it changes.
import { useMemo } from 'react';
import { useArticleIndex } from './use-article-index';
import { useKbStore } from './kb-store';

export function useKbResults() {
  const { index, state } = useArticleIndex();
  const query = useKbStore((s) => s.query);
  const filters = useKbStore((s) => s.filters);
  // The index object stays the same as it changes; its revision says when to ask again.
  const results = useMemo(() => index.search(query, filters), [index, state.revision, query, filters]);
  return { results, index, state };
}
