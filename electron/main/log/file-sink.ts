// Writes log lines to userData/logs/main.log, rotating once past a size so the log cannot fill the disk.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;

export function createFileSink(directory: string, echo: boolean): (line: string) => void {
  const file = join(directory, 'main.log');
  let checked = false;
  return (line) => {
    if (echo) console.log(line);
    try {
      if (!checked) {
        mkdirSync(directory, { recursive: true });
        checked = true;
      }
      try {
        if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      } catch {
        // no file yet
      }
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // a read-only or full disk must not crash the app
    }
  };
}
