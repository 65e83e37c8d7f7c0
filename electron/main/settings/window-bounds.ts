// Where the window opens: the saved bounds when enough of the window (its title bar) is on a display
// that still exists, otherwise the saved size centered on the primary display. A window is never
// restored off-screen, e.g. after a second monitor was unplugged.
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../../../shared/ipc/settings';
import type { WindowBounds } from '../../../shared/ipc/settings';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayLike {
  readonly workArea: Rect;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
/** How much of the title bar strip must be visible to count as reachable. */
const MIN_VISIBLE_WIDTH = 120;
const TITLE_BAR_HEIGHT = 32;

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

function titleBarVisibleOn(bounds: Rect, display: DisplayLike): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT };
  const seen = overlap(titleBar, display.workArea);
  return seen.width >= MIN_VISIBLE_WIDTH && seen.height >= TITLE_BAR_HEIGHT / 2;
}

function clampSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(MIN_WINDOW_WIDTH, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(MIN_WINDOW_HEIGHT, area.height)),
  };
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const clamped = clampSize(size.width, size.height, area);
  return {
    x: Math.round(area.x + (area.width - clamped.width) / 2),
    y: Math.round(area.y + (area.height - clamped.height) / 2),
    ...clamped,
  };
}

export function restoreWindowBounds(
  saved: WindowBounds | null,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
): WindowBounds {
  if (saved === null) return { ...centered(DEFAULT_WINDOW_SIZE, primary.workArea), maximized: false };
  const home = displays.find((display) => titleBarVisibleOn(saved, display));
  if (home === undefined) return { ...centered(saved, primary.workArea), maximized: saved.maximized };
  const size = clampSize(saved.width, saved.height, home.workArea);
  const area = home.workArea;
  // Keep it where it was, nudged so it does not hang past the display's edges.
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - size.height);
  return { x, y, ...size, maximized: saved.maximized };
}
