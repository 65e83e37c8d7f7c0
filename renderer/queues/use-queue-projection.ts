// One projection per cache and desk, shared by every component that shows that desk's queue (a second
// pane of the same desk, a supervisor's board), and disposed when the last of them goes.
import { useEffect, useState } from 'react';
import { useConsole } from '../app/console-context';
import type { CacheDb } from '../db/cache-db';
import { useTransitionStore } from '../lib/use-transition-store';
import { QueueProjection, type Desk, type QueueSnapshot } from './queue-projection';

type Entry = { projection: QueueProjection; refs: number };
const registry = new WeakMap<CacheDb, Map<Desk, Entry>>();

function acquire(db: CacheDb, desk: Desk, now: () => Date): QueueProjection {
  let byDesk = registry.get(db);
  if (!byDesk) registry.set(db, (byDesk = new Map()));
  let entry = byDesk.get(desk);
  if (!entry) {
    entry = { projection: new QueueProjection(db, desk, now), refs: 0 };
    byDesk.set(desk, entry);
    entry.projection.start();
  }
  entry.refs++;
  return entry.projection;
}

function release(db: CacheDb, desk: Desk): void {
  const byDesk = registry.get(db);
  const entry = byDesk?.get(desk);
  if (!byDesk || !entry) return;
  entry.refs--;
  // A remount in the same tick (React's strict mode, a pane moved) keeps the loaded rows.
  setTimeout(() => {
    if (entry.refs > 0 || byDesk.get(desk) !== entry) return;
    byDesk.delete(desk);
    entry.projection.dispose();
  }, 0);
}

const EMPTY: QueueSnapshot = { version: 0, rows: [], loaded: false, failed: false };
const emptySnapshot = () => EMPTY;

export function useQueueProjection(desk: Desk): { projection: QueueProjection | null; snapshot: QueueSnapshot } {
  const { db, now } = useConsole();
  const [projection, setProjection] = useState<QueueProjection | null>(null);
  useEffect(() => {
    setProjection(acquire(db, desk, now));
    return () => release(db, desk);
  }, [db, desk, now]);
  // Rows arriving or changing render as a transition (lib/use-transition-store.ts says why).
  const snapshot = useTransitionStore(projection?.subscribe ?? null, projection?.getSnapshot ?? emptySnapshot);
  return { projection, snapshot };
}
