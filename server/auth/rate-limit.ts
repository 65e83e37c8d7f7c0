// Failed log-ins are limited per account and per address, in a sliding window kept in memory.
export type RateLimiter = {
  /** Seconds to wait before another try, or 0 when the key may try now. */
  retryAfter(key: string, nowMs: number): number;
  fail(key: string, nowMs: number): void;
  reset(key: string): void;
};

export function createRateLimiter(maxFailures: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => (failures.get(key) ?? []).filter((t) => t > nowMs - windowMs);
  return {
    retryAfter(key, nowMs) {
      const times = recent(key, nowMs);
      failures.set(key, times);
      if (times.length < maxFailures) return 0;
      return Math.max(1, Math.ceil(((times[0] ?? nowMs) + windowMs - nowMs) / 1000));
    },
    fail(key, nowMs) {
      failures.set(key, [...recent(key, nowMs), nowMs]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
