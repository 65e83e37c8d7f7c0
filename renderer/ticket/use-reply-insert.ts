// Text the knowledge-base pane sends to the reply of this ticket (ui-store `replyInsert`) is appended
// to the reply draft, once: the nonce is remembered, so a remount does not insert it again.
import { useEffect } from 'react';
import { useUiStore } from '../app/ui-store';
import { useComposerStore } from './composer-store';

export function useReplyInsert(ticketId: string, onInserted?: () => void): void {
  const insert = useUiStore((s) => s.replyInsert);
  useEffect(() => {
    if (!insert || insert.ticketId !== ticketId) return;
    const composer = useComposerStore.getState();
    if (!composer.consumeInsert(insert.nonce)) return;
    composer.appendToReply(ticketId, insert.text);
    onInserted?.();
    // onInserted is only a notification: a new function on each render must not insert again.
  }, [insert, ticketId]);
}
