// The one form-action hook of every pane: a done work answers its value (even when it returned nothing),
// a failed one answers null and says so, and the form is busy only while the work runs.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAction } from '../../../renderer/app/use-action';

describe('useAction', () => {
  it('answers the value of a done work, and a work that returns nothing still counts as done', async () => {
    const { result } = renderHook(() => useAction());
    let entry: unknown;
    await act(async () => {
      entry = await result.current.run(async () => ({ id: 'e1', seq: 3 }));
    });
    expect(entry).toEqual({ value: { id: 'e1', seq: 3 } });
    let nothing: unknown;
    await act(async () => {
      nothing = await result.current.run(async () => undefined);
    });
    expect(nothing).toEqual({ value: undefined });
    expect(result.current).toMatchObject({ busy: false, failed: false });
  });

  it('answers null and shows the failure when the console refused the change, until the next try', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result } = renderHook(() => useAction());
    let answer: unknown = 'unset';
    await act(async () => {
      answer = await result.current.run(async () => {
        throw new Error('malformed');
      });
    });
    expect(answer).toBeNull();
    expect(result.current).toMatchObject({ busy: false, failed: true });

    let release: (value: string) => void = () => undefined;
    let pending: Promise<unknown> = Promise.resolve();
    act(() => {
      pending = result.current.run(() => new Promise<string>((resolve) => { release = resolve; }));
    });
    expect(result.current).toMatchObject({ busy: true, failed: false });
    await act(async () => {
      release('ok');
      await pending;
    });
    expect(result.current).toMatchObject({ busy: false, failed: false });
    quiet.mockRestore();
  });
});
