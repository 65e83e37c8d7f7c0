// The console's clock (injected through the services), re-read on an interval so timers move on.
import { useEffect, useState } from 'react';
import { useConsole } from '../app/console-context';

export function useNow(intervalMs = 60_000): Date {
  const { now } = useConsole();
  const [value, setValue] = useState(() => now());
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return value;
}
