// The queue grid's virtualizer: @tanstack/react-virtual's, except for how it asks React to render. A
// scroll renders at once (synchronously, so rows never lag behind the scrollbar); every other change
// (the grid's size known or changed, a scroll come to rest) renders as a transition, in slices React
// can interrupt. The library renders those in one task: at sign-in, the first rows of a queue mount
// once the grid's size is known, and on two busy cores that task took 50-60 ms.
import { Virtualizer, observeElementOffset, type VirtualizerOptions } from '@tanstack/react-virtual';
import { startTransition, useLayoutEffect, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';

type GridOptions = Omit<VirtualizerOptions<HTMLDivElement, Element>, 'observeElementOffset' | 'onChange'>;

export function useGridVirtualizer(options: GridOptions): Virtualizer<HTMLDivElement, Element> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLDivElement, Element> = {
    observeElementOffset,
    ...options,
    onChange: (_instance, sync) => (sync ? flushSync(rerender) : startTransition(rerender)),
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), [instance]);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
