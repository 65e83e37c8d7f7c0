// Work over every row of a big queue, written once as a generator that yields now and then, and run
// either at once (small inputs, tests, Node benchmarks) or in slices that give the window back between
// them, so typing, scrolling and painting never wait behind a pass over 100,000 rows.
export type Steps<T> = Generator<void, T, void>;

/** How many rows a loop handles between two yields: often enough to keep a slice near its budget. */
export const ROWS_PER_STEP = 1024;

/** Runs the steps to the end, in this task. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const nextTask = () =>
  new Promise<void>((resolve) => {
    // A message, not setTimeout(0): nested timeouts are clamped to 4 ms each.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Runs the steps in slices of about `sliceMs`, each its own task. Resolves with the result, or with
 * `undefined` once the signal is aborted (the inputs changed and the result would be stale).
 */
export async function runSliced<T>(steps: Steps<T>, signal: AbortSignal, sliceMs = 8): Promise<T | undefined> {
  for (;;) {
    await nextTask();
    if (signal.aborted) return undefined;
    const until = performance.now() + sliceMs;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() < until);
  }
}
