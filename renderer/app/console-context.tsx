// What every pane of a signed-in console needs: the agent, the cache, the outbox and the server API.
// Panes read data from the cache through live queries and change it only through `change`.
import { createContext, useContext, type ReactNode } from 'react';
import type { ArgsOf, MutationName } from '../../shared/protocol/mutations';
import type { Agent } from '../../shared/schemas/entities';
import type { CacheDb, OutboxEntry } from '../db/cache-db';
import type { SyncApi } from '../sync/api';

export type ConsoleServices = {
  actor: Agent;
  db: CacheDb;
  /** Online-only reads beyond sync (ticket history, presence, attachment bytes). */
  api: SyncApi;
  /** Writes a change to the outbox, applies it to the cache and asks the engine to sync. */
  change<N extends MutationName>(name: N, args: ArgsOf<N>): Promise<OutboxEntry>;
  /** A new client-made id (UUID v7) for tickets, comments, worklogs and attachments made here. */
  newId(): string;
  now(): Date;
};

const ConsoleContext = createContext<ConsoleServices | null>(null);

export function ConsoleProvider({ services, children }: { services: ConsoleServices; children: ReactNode }) {
  return <ConsoleContext.Provider value={services}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (!services) throw new Error('useConsole outside a signed-in console');
  return services;
}
