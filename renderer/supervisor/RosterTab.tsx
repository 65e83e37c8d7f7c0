// The Roster tab: the shifts and who works them now and next, then the grid of the days ahead.
import { useMemo } from 'react';
import { addDays, rosterIndex } from '../../shared/rules/roster';
import { ROSTER_DAYS, rosterDays, rosterZone } from './roster-view';
import { RosterGrid } from './RosterGrid';
import { ShiftCoverage } from './ShiftCoverage';
import { useClock } from './use-clock';
import { useAgents, useRoster, useShifts } from './use-supervisor-data';

const NO_AGENTS: never[] = [];
const NO_SHIFTS: never[] = [];

export function RosterTab() {
  const nowMs = useClock();
  const shifts = useShifts() ?? NO_SHIFTS;
  const agents = useAgents() ?? NO_AGENTS;
  const zone = rosterZone(shifts);
  const days = useMemo(() => rosterDays(nowMs, zone, ROSTER_DAYS), [nowMs, zone]);
  // A night shift that began yesterday is still on: read yesterday's roster too.
  const entries = useRoster(days[0] ? addDays(days[0], -1) : '', days.at(-1) ?? '');
  const roster = useMemo(() => rosterIndex(entries), [entries]);
  return (
    <div className="sb-sup-roster">
      <ShiftCoverage shifts={shifts} agents={agents} roster={roster} nowMs={nowMs} />
      <RosterGrid days={days} shifts={shifts} agents={agents} roster={roster} />
    </div>
  );
}

