// A form's submit through the outbox: busy while the change is written, and an error the agent can read
// if the console refused it (a malformed change is refused before it is queued).
import { useCallback, useState } from 'react';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailed(false);
    try {
      await work();
      return true;
    } catch (error) {
      console.error('The change was not saved', error);
      setFailed(true);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failed, run };
}
