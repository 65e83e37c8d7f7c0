// The ticket lifecycle. Closed is final, and a ticket can only be reopened once resolved, so the
// table below is the single authority on which moves an agent (or a sync merge) may make.

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

const NEXT: Record<Status, readonly Status[]> = {
  new: ['open', 'pending', 'on_hold', 'resolved'],
  open: ['pending', 'on_hold', 'resolved'],
  pending: ['open', 'on_hold', 'resolved'],
  on_hold: ['open', 'pending', 'resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: Status): readonly Status[] {
  return NEXT[from];
}

export function isOpenStatus(s: Status): boolean {
  return s !== 'resolved' && s !== 'closed';
}

// Only waiting on the requester stops the clock; on_hold is the desk's own delay and still counts.
export function slaPaused(s: Status): boolean {
  return s === 'pending';
}
