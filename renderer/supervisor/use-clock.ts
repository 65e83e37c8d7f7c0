// The console's injected clock, read again every minute so "on shift now" and SLA risk move on.
import { useEffect, useState } from 'react';
import { useConsole } from '../app/console-context';

export function useClock(intervalMs = 60_000): number {
  const { now } = useConsole();
  const [ms, setMs] = useState(() => now().getTime());
  useEffect(() => {
    const timer = setInterval(() => setMs(now().getTime()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return ms;
}
