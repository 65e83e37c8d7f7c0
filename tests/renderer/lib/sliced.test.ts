// Sliced work gives the same result as work done at once, gives the window back between slices, and
// stops when its inputs went stale.
import { describe, expect, it } from 'vitest';
import { runNow, runSliced, type Steps } from '../../../renderer/lib/sliced';

/** Sums 0..n-1, yielding after every `every` numbers; counts how far it got. */
function* sum(n: number, every: number, progress: { done: number }): Steps<number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i % every === every - 1) yield;
    total += i;
    progress.done = i + 1;
  }
  return total;
}

/** Work that takes about `ms` of the thread per step. */
function* busy(steps: number, ms: number): Steps<number> {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield;
  }
  return steps;
}

describe('sliced work', () => {
  it('gives the same result in slices as at once', async () => {
    const expected = runNow(sum(100_000, 1024, { done: 0 }));
    expect(expected).toBe((100_000 * 99_999) / 2);
    expect(await runSliced(sum(100_000, 1024, { done: 0 }), new AbortController().signal)).toBe(expected);
  });

  it('lets other tasks run between its slices', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    // 40 steps of 2 ms in slices of 8 ms: about ten slices, each its own task.
    const result = await runSliced(busy(40, 2), new AbortController().signal, 8);
    clearInterval(ticker);
    expect(result).toBe(40);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops, without a result, once aborted', async () => {
    const progress = { done: 0 };
    const abort = new AbortController();
    const run = runSliced(sum(1_000_000, 16, progress), abort.signal, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    expect(await run).toBeUndefined();
    const stoppedAt = progress.done;
    expect(stoppedAt).toBeLessThan(1_000_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress.done).toBe(stoppedAt);
  });
});
