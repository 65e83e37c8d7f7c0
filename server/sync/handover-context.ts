// What a shift handover runs against on the server: the shifts, the roster entries of the two days its
// crews come from (looked up by their ids, agent by agent, never the whole roster), and the open tickets
// of both crews (the leaving crew's to move, the arriving crew's for their load).
import type { ArgsOf } from '../../shared/protocol/mutations';
import { handoverCrews, handoverDates, handoverRuns } from '../../shared/rules/handover-crews';
import type { MutationContext } from '../../shared/rules/outcome';
import { rosterEntryId, rosterIndex } from '../../shared/rules/roster';
import type { Sql } from '../db/database';
import type { PushBatch } from './push-batch';

export async function handoverContext(
  tx: Sql,
  batch: PushBatch,
  args: ArgsOf<'shift.handover'>,
  now: string,
): Promise<Pick<MutationContext, 'shifts' | 'roster' | 'tickets'>> {
  const nowMs = Date.parse(now);
  const shifts = [...batch.shifts.values()];
  const agents = [...batch.agents.values()];
  const dates = handoverDates(handoverRuns(shifts, args.fromShiftId, args.toShiftId, nowMs));
  const ids = dates.flatMap((date) => agents.map((a) => rosterEntryId(date, a.id)));
  const roster = rosterIndex(await batch.rosterEntries(tx, ids));
  const crews = handoverCrews({ ...args, shifts, agents, roster, nowMs });
  const involved = [...crews.leaving, ...crews.arriving].map((a) => a.id);
  const tickets = new Map((await batch.openTicketsOf(tx, involved)).map((t) => [t.id, t]));
  return { shifts: batch.shifts, roster, tickets };
}
