// Every ordered pair of statuses against a hand-written table of the lifecycle.
import { describe, expect, it } from 'vitest';
import { canTransition, isOpenStatus, nextStatuses, slaPaused, STATUSES } from '../../shared/rules/status';
import type { Status } from '../../shared/rules/status';

// Rows are `from`, columns are `to`, in the order new, open, pending, on_hold, resolved, closed.
const X = true;
const _ = false;
const legal: Record<Status, readonly boolean[]> = {
  //         new open pend hold res  closed
  new:      [_,  X,   X,   X,   X,   _],
  open:     [_,  _,   X,   X,   X,   _],
  pending:  [_,  X,   _,   X,   X,   _],
  on_hold:  [_,  X,   X,   _,   X,   _],
  resolved: [_,  X,   _,   _,   _,   X],
  closed:   [_,  _,   _,   _,   _,   _],
};
const order: Status[] = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'];

const pairs = order.flatMap((from) => order.map((to, i) => [from, to, legal[from][i] === true] as const));

describe('status transitions', () => {
  it('the table covers all six statuses', () => {
    expect([...STATUSES].sort()).toEqual([...order].sort());
    expect(pairs).toHaveLength(36);
  });

  it.each(pairs)('%s → %s legal: %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it('nextStatuses lists exactly the legal targets', () => {
    for (const from of order) {
      expect([...nextStatuses(from)].sort()).toEqual(order.filter((_to, i) => legal[from][i]).sort());
    }
  });

  it('closed is final and reopening is only from resolved', () => {
    expect(nextStatuses('closed')).toEqual([]);
    const done: Status[] = ['resolved', 'closed'];
    const reopening = done.flatMap((from) => order.filter((to) => !done.includes(to) && canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(reopening).toEqual(['resolved→open']);
    expect(order.filter((from) => canTransition(from, 'closed'))).toEqual(['resolved']);
    expect(order.filter((from) => canTransition(from, 'new'))).toEqual([]);
  });
});

describe('status predicates', () => {
  it('open statuses are all but resolved and closed', () => {
    expect(order.filter(isOpenStatus)).toEqual(['new', 'open', 'pending', 'on_hold']);
  });

  it('only pending pauses the SLA', () => {
    expect(order.filter(slaPaused)).toEqual(['pending']);
  });
});
