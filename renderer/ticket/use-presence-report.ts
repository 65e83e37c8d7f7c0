// Tells the server what this agent does on the ticket: viewing while it is open, editing while a reply
// is being written, left when it closes. Presence is best effort: offline, the calls simply fail.
import { useCallback, useEffect, useRef } from 'react';
import { useConsole } from '../app/console-context';

type Reported = 'viewing' | 'editing' | 'left';

export function usePresenceReport(ticketId: string): (editing: boolean) => void {
  const { api } = useConsole();
  const last = useRef<Reported | null>(null);

  const report = useCallback(
    (state: Reported) => {
      if (last.current === state) return;
      last.current = state;
      try {
        void Promise.resolve(api.presence(ticketId, state)).catch(() => undefined);
      } catch {
        // an API that throws at once is as offline as one that rejects
      }
    },
    [api, ticketId],
  );

  useEffect(() => {
    report('viewing');
    return () => {
      report('left');
      last.current = null;
    };
  }, [report]);

  return useCallback((editing: boolean) => report(editing ? 'editing' : 'viewing'), [report]);
}
