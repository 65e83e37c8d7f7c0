// A change sent through the outbox from a form, in any pane: busy while it is written, and an error the
// agent can read if the console refused it (a malformed change is refused before it is queued).
// `run` answers `{ value }` once the work is done (whatever the work returned, even nothing) and `null`
// when it failed, so `if (await run(…))` means "saved" for every kind of work.
import { useCallback, useState } from 'react';

export type ActionDone<T> = { value: T };

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<ActionDone<T> | null> => {
    setBusy(true);
    setFailed(false);
    try {
      return { value: await work() };
    } catch (error) {
      console.error('The change was not saved', error);
      setFailed(true);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failed, run };
}
