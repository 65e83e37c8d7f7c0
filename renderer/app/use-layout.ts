// The pane layout of the signed-in agent, loaded from and saved to the desktop settings.
import { useCallback, useEffect, useState } from 'react';
import type { Agent } from '../../shared/schemas/entities';
import { desktop } from '../desktop';
import { defaultLayout, readLayout, type PaneLayoutState } from './layout';

export function useLayout(actor: Agent): [PaneLayoutState, (next: PaneLayoutState) => void] {
  const [layout, setLayout] = useState<PaneLayoutState>(() => defaultLayout(actor));
  useEffect(() => {
    let live = true;
    void desktop().getSettings().then((r) => {
      if (live && r.ok) setLayout(readLayout(r.value.paneLayouts[actor.id], actor));
    });
    return () => {
      live = false;
    };
  }, [actor]);
  const update = useCallback(
    (next: PaneLayoutState) => {
      setLayout(next);
      void desktop().setSettings({ paneLayout: { userId: actor.id, layout: next } });
    },
    [actor.id],
  );
  return [layout, update];
}
