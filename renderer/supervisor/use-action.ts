// A change sent through the outbox from a form: busy while it is written, and an error the supervisor can
// read if the console refused it (a malformed change is refused before it is queued).
import { useCallback, useState } from 'react';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailed(false);
    try {
      return await work();
    } catch (error) {
      console.error('The change was not saved', error);
      setFailed(true);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failed, run };
}
