// The console's clock (injected through the services), read again at each turn of the minute: SLA
// countdowns and "updated 5 min ago" move once a minute, so nothing re-renders every second.
import { useEffect, useState } from 'react';
import { useConsole } from '../app/console-context';

const MINUTE = 60_000;

export function useMinuteClock(): Date {
  const { now } = useConsole();
  const [value, setValue] = useState(() => now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      timer = setTimeout(() => {
        setValue(now());
        next();
      }, MINUTE - (now().getTime() % MINUTE));
    };
    next();
    return () => clearTimeout(timer);
  }, [now]);
  return value;
}
