// Mounting the whole console at once (both queues, the knowledge base, their formatters and first
// layout) is one task of about a hundred milliseconds right after signing in. Mounted one pane per
// task, the window paints and answers in between.
import { useEffect, useState } from 'react';

/** How many of `count` parts to render: the first at once, then one more per task. */
export function useStaggered(count: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= count) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, count]);
  return Math.min(shown, count);
}
