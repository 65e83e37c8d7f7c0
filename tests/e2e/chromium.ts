// Where Debian's Chromium is, and whether the end-to-end suites can run: without it they are skipped on
// a developer's machine (saying why), and fail in CI, where its absence is a broken environment.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING =
  `Chromium is not installed at ${CHROMIUM_PATH}: the end-to-end suites are skipped ` +
  '(apt-get install -y --no-install-recommends chromium, or set SWITCHBOARD_CHROMIUM)';

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM_MISSING.split(':')[0]}, and CI needs it for the end-to-end suites`);
  return false;
}
