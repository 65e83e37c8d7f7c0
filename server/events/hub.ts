// Fan-out of events to the SSE connections of this process. With PostgreSQL, events also travel through
// LISTEN/NOTIFY, so a push handled by one server process pokes the clients of every other.
import type { Database } from '../db/database';

export type ServerEvent =
  | { type: 'poke'; cursor: string }
  | { type: 'presence'; ticketId: string; agentId: string; state: 'viewing' | 'editing' | 'left' };

type Listener = (event: ServerEvent) => void;

const CHANNEL = 'switchboard_events';

export type Hub = {
  publish(event: ServerEvent): void;
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
};

export async function createHub(db: Database): Promise<Hub> {
  const listeners = new Set<Listener>();
  const deliver = (event: ServerEvent) => {
    for (const l of listeners) l(event);
  };
  // PGlite lives in this process alone: deliver directly. PostgreSQL: every process, this one
  // included, hears the notification once.
  const shared = db.kind === 'postgres';
  const stop = shared ? await db.listen(CHANNEL, (payload) => deliver(JSON.parse(payload) as ServerEvent)) : null;
  return {
    publish(event) {
      if (shared) void db.notify(CHANNEL, JSON.stringify(event)).catch(() => deliver(event));
      else deliver(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await stop?.();
    },
  };
}
