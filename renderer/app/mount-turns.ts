// Mounting the whole console at once (both queues, the knowledge base, their formatters and first
// layout) is one task of about a hundred milliseconds right after signing in. So each heavy part waits
// for its turn: turns go out one per task in the order the parts asked, and the next only once the
// last part has been committed and drawn, so no two parts ever render, or paint for the first time,
// in one task. The split groups measure themselves when they mount, which forces a layout of
// everything new in the window; one part per task keeps that to one part's worth.
import { useEffect, useRef, useState, type ReactNode } from 'react';

type Turn = { granted: boolean; finished: boolean; grant(): void };

const waiting: Turn[] = [];
let busy = false;

function giveNext(): void {
  const turn = waiting.shift();
  if (!turn) {
    busy = false;
    return;
  }
  turn.granted = true;
  turn.grant();
}

function ask(turn: Turn): void {
  waiting.push(turn);
  if (!busy) {
    busy = true;
    setTimeout(giveNext, 0);
  }
}

/** A hidden window draws no frames; its parts go on after this long. */
const UNDRAWN_MS = 100;

/**
 * Calls `next` once the browser has drawn the part just committed: its first style, layout and paint
 * make a frame of their own rather than one frame for every part committed since the last. Without
 * frames (a hidden window, jsdom), after a short wait.
 */
function afterFrame(next: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    next();
  };
  const fallback = setTimeout(once, UNDRAWN_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}

/** The turn's part is committed (or gone): the next part renders after the frame that draws it. */
function finish(turn: Turn): void {
  if (turn.finished) return;
  turn.finished = true;
  afterFrame(giveNext);
}

/** False until this part's turn has come; true from then on. */
export function useMountTurn(): boolean {
  const [ready, setReady] = useState(false);
  const turn = useRef<Turn | null>(null);
  useEffect(() => {
    const mine: Turn = { granted: false, finished: false, grant: () => setReady(true) };
    turn.current = mine;
    ask(mine);
    return () => {
      const at = waiting.indexOf(mine);
      if (at >= 0) waiting.splice(at, 1);
      // Unmounted while holding the turn: pass it on.
      else if (mine.granted) finish(mine);
    };
  }, []);
  useEffect(() => {
    if (ready && turn.current) finish(turn.current);
  }, [ready]);
  return ready;
}

/** Renders its children once their turn has come. */
export function MountTurn({ children }: { children: ReactNode }) {
  return useMountTurn() ? children : null;
}
