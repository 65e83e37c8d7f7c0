// The monitoring integration acts as an agent of its own, so its tickets and notes have an author
// that every console can show.
import type { Agent } from '../../shared/schemas/entities';
import type { Database } from '../db/database';
import { getOne, lockChanges, writePuts } from './entity-store';

export const MONITORING_AGENT: Agent = {
  id: '00000000-0000-4000-8000-00000000a1e7',
  name: 'Monitoring',
  email: 'monitoring@switchboard.local',
  role: 'admin',
  desks: ['service'],
  groupIds: [],
  shiftId: null,
  skills: [],
  capacity: 0,
  away: true,
};

export async function ensureSystemAgent(db: Database): Promise<void> {
  if (await getOne(db, 'agent', MONITORING_AGENT.id)) return;
  await db.transaction(async (tx) => {
    await lockChanges(tx);
    await writePuts(tx, [{ entity: 'agent', id: MONITORING_AGENT.id, op: 'put', data: MONITORING_AGENT }], () => undefined);
  });
}
