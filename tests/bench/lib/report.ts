// Output of the console benchmarks: one `name value unit` line per figure, `#` lines for context.
import { cpus, loadavg } from 'node:os';
export const percentile = (values: readonly number[], p: number): number =>
  values.length === 0 ? 0 : [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]!;

export function line(name: string, value: number, unit: string): void {
  const text = Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
  console.log(`${name} ${text} ${unit}`);
}

export const note = (text: string): void => console.log(`# ${text}`);

/** Prints a figure together with its aim, and remembers whether it met it. */
export class Figures {
  readonly missed: string[] = [];
  report(name: string, value: number, unit: string, aim?: { max?: number; min?: number }): void {
    line(name, value, unit);
    if (!aim) return;
    if ((aim.max !== undefined && value > aim.max) || (aim.min !== undefined && value < aim.min)) {
      this.missed.push(`${name} = ${value} ${unit} (aim ${aim.max !== undefined ? `≤ ${aim.max}` : `≥ ${aim.min}`})`);
    }
  }
  summary(): void {
    if (this.missed.length === 0) note('every figure met its aim');
    else for (const m of this.missed) note(`missed aim: ${m}`);
  }
}

/** The machine's state, printed with the figures: a busy 2-core machine slows every one of them. */
export function noteMachine(when: string): void {
  const [one, five] = loadavg();
  note(`machine ${when}: ${cpus().length} cores, load average ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min)`);
}
