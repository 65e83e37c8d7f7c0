// The outbox draining after a return from offline, as a small state machine: coming back online with N
// changes waiting starts a drain of N; each change that leaves the pending state counts as sent; a change
// made during the drain joins it. The drain ends when nothing is pending.
export type Drain =
  | { phase: 'idle' }
  | { phase: 'offline' }
  | { phase: 'draining'; total: number; pending: number }
  | { phase: 'done'; total: number };

export function startDrain(online: boolean): Drain {
  return online ? { phase: 'idle' } : { phase: 'offline' };
}

export function nextDrain(previous: Drain, online: boolean, pending: number): Drain {
  if (!online) return { phase: 'offline' };
  switch (previous.phase) {
    case 'offline':
      return pending > 0 ? { phase: 'draining', total: pending, pending } : { phase: 'idle' };
    case 'draining': {
      if (pending === 0) return { phase: 'done', total: previous.total };
      const added = Math.max(0, pending - previous.pending);
      return { phase: 'draining', total: previous.total + added, pending };
    }
    case 'done':
      // New work after the drain is ordinary syncing again.
      return pending > 0 ? { phase: 'idle' } : previous;
    default:
      return previous;
  }
}

/** How many of the drain's changes have been sent. */
export const sentOf = (drain: Extract<Drain, { phase: 'draining' }>) => drain.total - drain.pending;
