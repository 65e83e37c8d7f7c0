import { describe, expect, it } from 'vitest';
import { createTokenCache } from '../../../renderer/sync/token-cache';

function page() {
  const asked: boolean[] = [];
  let n = 0;
  let failNext = false;
  return {
    asked,
    failNext: () => (failNext = true),
    ask: async (refresh: boolean) => {
      asked.push(refresh);
      if (failNext) {
        failNext = false;
        throw new Error('signed out');
      }
      return `token-${++n}`;
    },
  };
}

describe('the sync worker’s token cache', () => {
  it('asks the page once for requests close together, and again after the reuse window', async () => {
    const p = page();
    let clock = 0;
    const tokens = createTokenCache(p.ask, { now: () => clock, reuseMs: 1000 });
    expect(await Promise.all([tokens.get(), tokens.get()])).toEqual(['token-1', 'token-1']);
    clock = 999;
    expect(await tokens.get()).toBe('token-1');
    clock = 1000;
    expect(await tokens.get()).toBe('token-2');
    expect(p.asked).toEqual([false, false]);
  });

  it('uses the token the worker started with, without asking', async () => {
    const p = page();
    const tokens = createTokenCache(p.ask, { first: 'from-start' });
    expect(await tokens.get()).toBe('from-start');
    expect(p.asked).toEqual([]);
  });

  it('after a refusal asks for a fresh token and keeps using that one', async () => {
    const p = page();
    const tokens = createTokenCache(p.ask, { first: 'expired' });
    expect(await tokens.refresh()).toBe('token-1');
    expect(await tokens.get()).toBe('token-1');
    expect(p.asked).toEqual([true]);
  });

  it('does not keep a failed answer: the next request asks again', async () => {
    const p = page();
    const tokens = createTokenCache(p.ask);
    p.failNext();
    await expect(tokens.get()).rejects.toThrow('signed out');
    expect(await tokens.get()).toBe('token-1');
    expect(p.asked).toEqual([false, false]);
  });
});
