// Heavy parts of the console mount one per task, in the order they asked, each after the frame that
// drew the last, so no task renders or first paints two.
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MountTurn } from '../../../renderer/app/mount-turns';

const nextTask = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
/** A drawn frame, then the task after it: when the next part may mount. */
const nextTurn = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
const shown = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

function Parts({ names }: { names: string[] }) {
  return (
    <ul>
      {names.map((name) => (
        <MountTurn key={name}>
          <li>{name}</li>
        </MountTurn>
      ))}
    </ul>
  );
}

describe('mount turns', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('mounts the parts one per turn, in order', async () => {
    render(<Parts names={['service', 'help', 'kb']} />);
    expect(shown()).toEqual([]);
    const steps: string[][] = [shown()];
    for (let i = 0; i < 12 && shown().length < 3; i++) {
      await nextTurn();
      steps.push(shown());
    }
    // Each step shows what the last one did and at most one part more.
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]!.slice(0, steps[i - 1]!.length)).toEqual(steps[i - 1]);
      expect(steps[i]!.length - steps[i - 1]!.length).toBeLessThanOrEqual(1);
    }
    expect(shown()).toEqual(['service', 'help', 'kb']);
  });

  it('passes a turn on when a waiting part goes away', async () => {
    let drop: (name: string) => void = () => undefined;
    function Changing() {
      const [names, setNames] = useState(['a', 'b', 'c']);
      drop = (name) => setNames((all) => all.filter((n) => n !== name));
      return <Parts names={names} />;
    }
    render(<Changing />);
    act(() => drop('b'));
    for (let i = 0; i < 12 && shown().length < 2; i++) await nextTurn();
    expect(shown()).toEqual(['a', 'c']);
  });

  it('mounts the next part only once a frame has drawn the last one', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (draw: FrameRequestCallback) => frames.push(draw));
    render(<Parts names={['service', 'help']} />);
    // A turn another test left waiting for its frame passes on after at most 100 ms.
    for (let i = 0; i < 30 && shown().length < 1; i++) await sleep(10);
    expect(shown()).toEqual(['service']);
    // Tasks without a frame between: the second part waits (unless the wait for a frame that a hidden
    // window never draws, 100 ms, ran out meanwhile on a slow machine).
    const waitingSince = performance.now();
    await nextTask();
    await nextTask();
    if (performance.now() - waitingSince < 90) expect(shown()).toEqual(['service']);
    // The frame is drawn: the next task mounts the second part.
    await act(async () => frames.splice(0).forEach((draw) => draw(performance.now())));
    await nextTask();
    await nextTask();
    expect(shown()).toEqual(['service', 'help']);
  });

  it('goes on in a window that draws no frames', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    render(<Parts names={['service', 'help', 'kb']} />);
    for (let i = 0; i < 60 && shown().length < 3; i++) await sleep(20);
    expect(shown()).toEqual(['service', 'help', 'kb']);
  });
});
