// Heavy parts of the console mount one per task, in the order they asked, so no task renders two.
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { MountTurn } from '../../../renderer/app/mount-turns';

const nextTask = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
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
  it('mounts the parts one per task, in order', async () => {
    render(<Parts names={['service', 'help', 'kb']} />);
    expect(shown()).toEqual([]);
    const steps: string[][] = [shown()];
    for (let i = 0; i < 12 && shown().length < 3; i++) {
      await nextTask();
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
    for (let i = 0; i < 12 && shown().length < 2; i++) await nextTask();
    expect(shown()).toEqual(['a', 'c']);
  });
});
