// Keyboard-first: single-key shortcuts that never fire while the agent types in a field, plus Ctrl+K
// and the menu's commands (desktop), all turned into console commands.
import { useEffect } from 'react';
import { desktop } from '../desktop';
import { COMMAND_OF_MENU } from './shortcut-keys';
import { dispatchCommand, type ConsoleCommand } from './ui-store';

const KEYS: Record<string, ConsoleCommand> = {
  j: 'next',
  k: 'previous',
  Enter: 'open',
  Escape: 'close',
  a: 'assignToMe',
  r: 'reply',
  n: 'note',
  '/': 'search',
  '?': 'shortcuts',
};

/** Whether a key press belongs to a field (typing), not to the console. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): ConsoleCommand | null {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return 'palette';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return 'close';
  if (isTyping(event.target)) return null;
  // Enter on a button or link is that control's own click.
  if (event.key === 'Enter' && event.target instanceof HTMLElement && ['BUTTON', 'A'].includes(event.target.tagName)) return null;
  return KEYS[event.key] ?? null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      dispatchCommand(command);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = desktop().onMenuCommand(({ command }) => dispatchCommand(COMMAND_OF_MENU[command]));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);
}
