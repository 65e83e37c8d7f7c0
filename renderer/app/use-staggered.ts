// Mounting the whole console at once (both queues, the knowledge base, their formatters and first
// layout) is one task of about a hundred milliseconds right after signing in. Mounted one part per
// task, the window paints and answers in between. The frame around the parts comes first on its own:
// the split panes measure their group when it mounts, which forces a layout of everything already in
// it, and an empty frame is quick to lay out.
import { useEffect, useState } from 'react';

/** How many of `count` parts to render: none at first, then one more per task. */
export function useStaggered(count: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= count) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, count]);
  return Math.min(shown, count);
}
