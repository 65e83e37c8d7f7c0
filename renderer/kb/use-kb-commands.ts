// Shortcuts and palette commands reach the knowledge base while it has the keyboard: `/` focuses the
// search, j/k move through the results, Enter opens one, Esc goes back to the results.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useCommand, useUiStore, type ConsoleCommand } from '../app/ui-store';
import { useKbStore } from './kb-store';

export function useKbCommands(searchRef: RefObject<HTMLInputElement | null>, results: readonly string[], onBack: () => void): void {
  // The latest results without a new listener on every keystroke.
  const latest = useRef({ results, onBack });
  useEffect(() => {
    latest.current = { results, onBack };
  }, [results, onBack]);
  const handler = useCallback(
    (command: ConsoleCommand) => {
      if (useUiStore.getState().focusedPane !== 'kb') return;
      const kb = useKbStore.getState();
      const { results: list, onBack: back } = latest.current;
      const inResults = kb.view.kind === 'results';
      switch (command) {
        case 'search':
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case 'next':
          if (inResults && list.length > 0) kb.setActive(Math.min(kb.active + 1, list.length - 1));
          break;
        case 'previous':
          if (inResults) kb.setActive(Math.max(kb.active - 1, 0));
          break;
        case 'open': {
          const id = list[Math.min(kb.active, list.length - 1)];
          if (inResults && id !== undefined) kb.show({ kind: 'article', id });
          break;
        }
        case 'close':
          // An editor closes only through its own Cancel, so no typing is lost to a stray Esc.
          if (kb.view.kind === 'article') back();
          break;
        default:
          break;
      }
    },
    [searchRef],
  );
  useCommand(handler);
}
