// The pane layout of the signed-in agent, loaded from and saved to the desktop settings.
import { useCallback, useEffect, useState } from 'react';
import { desktop } from '../desktop';
import { DEFAULT_LAYOUT, readLayout, type PaneLayoutState } from './layout';

export function useLayout(userId: string): [PaneLayoutState, (next: PaneLayoutState) => void] {
  const [layout, setLayout] = useState<PaneLayoutState>(DEFAULT_LAYOUT);
  useEffect(() => {
    let live = true;
    void desktop().getSettings().then((r) => {
      if (live && r.ok) setLayout(readLayout(r.value.paneLayouts[userId]));
    });
    return () => {
      live = false;
    };
  }, [userId]);
  const update = useCallback(
    (next: PaneLayoutState) => {
      setLayout(next);
      void desktop().setSettings({ paneLayout: { userId, layout: next } });
    },
    [userId],
  );
  return [layout, update];
}
