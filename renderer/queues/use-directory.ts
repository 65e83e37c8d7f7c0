// Names of agents and organisations for the queue's cells and sorting: small tables, read live.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useConsole } from '../app/console-context';

export type Directory = { agents: ReadonlyMap<string, string>; organizations: ReadonlyMap<string, string> };

export function useDirectory(): Directory {
  const { db } = useConsole();
  const agents = useLiveQuery(() => db.agents.toArray(), [db]);
  const organizations = useLiveQuery(() => db.organizations.toArray(), [db]);
  return useMemo(
    () => ({
      agents: new Map((agents ?? []).map((a) => [a.id, a.name])),
      organizations: new Map((organizations ?? []).map((o) => [o.id, o.name])),
    }),
    [agents, organizations],
  );
}
