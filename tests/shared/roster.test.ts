// The roster rules: one id per agent and day, which run of a shift is on at an instant (a night shift
// belongs to the day it started), what an agent works on a day, and `roster.set` under its rules.
import { describe, expect, it } from 'vitest';
import { parseMutation } from '../../shared/protocol/mutations';
import { applyMutation } from '../../shared/rules/apply-mutation';
import { addDays, crewOf, dayPlan, localTime, nextRun, rosterEntryId, rosterIndex, runAt, shiftNext, shiftsOnNow } from '../../shared/rules/roster';
import { RosterEntry, Shift } from '../../shared/schemas/entities';
import { Id } from '../../shared/schemas/common';
import { agents, context, dayShift, expectStatus, ID, makeAgent, mutation, nightShift, NOW } from './fixtures';

const PRAGUE = 'Europe/Prague';
const at = (iso: string) => Date.parse(iso);
const early = Shift.parse({ id: '0195b3a0-1c00-7c00-ac00-0000000000d3', name: 'Early', start: '06:00', end: '14:00', timeZone: PRAGUE });
const late = Shift.parse({ id: '0195b3a0-1c00-7c00-ac00-0000000000d4', name: 'Late', start: '14:00', end: '22:00', timeZone: PRAGUE });
const night = Shift.parse({ id: '0195b3a0-1c00-7c00-ac00-0000000000d5', name: 'Night', start: '22:00', end: '06:00', timeZone: PRAGUE });
const THREE = [early, late, night];
const names = (runs: Array<{ shift: Shift }>) => runs.map((r) => r.shift.name);

describe('roster entry ids', () => {
  it('are valid UUIDs, the same for the same day and agent, and differ otherwise', () => {
    const id = rosterEntryId('2025-03-04', ID.agent);
    expect(Id.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rosterEntryId('2025-03-04', ID.agent.toUpperCase())).toBe(id);
    const others = new Set([id, rosterEntryId('2025-03-05', ID.agent), rosterEntryId('2025-03-04', ID.otherAgent), rosterEntryId('2025-04-03', ID.agent)]);
    expect(others.size).toBe(4);
  });

  it('do not collide over a year of a hundred agents', () => {
    const ids = new Set<string>();
    const days = Array.from({ length: 366 }, (_, d) => addDays('2025-01-01', d));
    for (let a = 0; a < 100; a++) {
      const agentId = `0195b3a0-1c00-7a00-8a00-${String(a).padStart(12, '0')}`;
      for (const day of days) ids.add(rosterEntryId(day, agentId));
    }
    expect(ids.size).toBe(36_600);
  });
});

describe('roster days', () => {
  it('accepts calendar days and refuses the rest', () => {
    const ok = (date: string) => RosterEntry.safeParse({ id: ID.mutation, date, agentId: ID.agent, shiftId: null }).success;
    expect(ok('2024-02-29')).toBe(true);
    expect(ok('2025-02-29')).toBe(false);
    expect(ok('2025-04-31')).toBe(false);
    expect(ok('2025-4-30')).toBe(false);
    expect(ok('30.04.2025')).toBe(false);
  });

  it('reads the local day and minute in the shift’s zone, across the DST change', () => {
    expect(localTime(at('2025-03-03T23:30:00Z'), PRAGUE)).toEqual({ date: '2025-03-04', minute: 30 });
    expect(localTime(at('2025-07-01T21:59:00Z'), PRAGUE)).toEqual({ date: '2025-07-01', minute: 23 * 60 + 59 });
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('which shift is on', () => {
  it('at 10:00 Prague the early shift of today is on, and the late one is next in four hours', () => {
    const now = at('2025-03-03T09:00:00Z');
    expect(shiftsOnNow(THREE, now)).toEqual([{ shift: early, date: '2025-03-03', startsInMinutes: -240 }]);
    expect(shiftNext(THREE, now)).toEqual({ shift: late, date: '2025-03-03', startsInMinutes: 240 });
  });

  it('at 02:00 the night shift on duty is the one that started yesterday; the early shift of today is next', () => {
    const now = at('2025-03-04T01:00:00Z'); // 02:00 in Prague
    expect(runAt(night, now)).toEqual({ shift: night, date: '2025-03-03', startsInMinutes: -240 });
    expect(names(shiftsOnNow(THREE, now))).toEqual(['Night']);
    expect(shiftNext(THREE, now)).toEqual({ shift: early, date: '2025-03-04', startsInMinutes: 240 });
  });

  it('at 23:00 the night shift of today is on, and tomorrow’s early shift is next', () => {
    const now = at('2025-03-03T22:00:00Z');
    expect(runAt(night, now)?.date).toBe('2025-03-03');
    expect(shiftNext(THREE, now)).toEqual({ shift: early, date: '2025-03-04', startsInMinutes: 7 * 60 });
  });

  it('a shift starts at its start and has ended at its end', () => {
    expect(runAt(late, at('2025-03-03T13:00:00Z'))?.date).toBe('2025-03-03');
    expect(runAt(early, at('2025-03-03T13:00:00Z'))).toBeNull();
    expect(nextRun(late, at('2025-03-03T13:00:00Z'))).toMatchObject({ date: '2025-03-04', startsInMinutes: 24 * 60 });
  });
});

describe('what an agent works on a day', () => {
  const jana = makeAgent({ id: ID.agent, name: 'Jana', role: 'agent', shiftId: early.id });
  const otto = makeAgent({ id: ID.otherAgent, name: 'Otto', role: 'agent', shiftId: late.id });
  const away = makeAgent({ id: ID.helpAgent, name: 'Hana', role: 'agent', shiftId: early.id, away: true });
  const entry = (date: string, agentId: string, shiftId: string | null) => ({ id: rosterEntryId(date, agentId), date, agentId, shiftId });

  it('the default shift without an entry, the entry’s shift with one, off when rostered off, nothing while away', () => {
    const roster = rosterIndex([entry('2025-03-04', jana.id, late.id), entry('2025-03-05', jana.id, null)]);
    expect(dayPlan(jana, '2025-03-03', roster)).toEqual({ shiftId: early.id, source: 'default', away: false });
    expect(dayPlan(jana, '2025-03-04', roster)).toEqual({ shiftId: late.id, source: 'roster', away: false });
    expect(dayPlan(jana, '2025-03-05', roster)).toEqual({ shiftId: null, source: 'roster', away: true });
    expect(dayPlan(away, '2025-03-03', roster)).toEqual({ shiftId: null, source: 'default', away: true });
  });

  it('the crew of a run follows the roster of the day the run started', () => {
    const roster = rosterIndex([entry('2025-03-03', otto.id, night.id)]);
    const run = runAt(night, at('2025-03-04T01:00:00Z'));
    expect(run).not.toBeNull();
    expect(crewOf(run!, [jana, otto, away], roster).map((a) => a.name)).toEqual(['Otto']);
    expect(crewOf({ shift: early, date: '2025-03-03', startsInMinutes: 0 }, [jana, otto, away], roster).map((a) => a.name)).toEqual(['Jana']);
  });
});

describe('roster.set', () => {
  const shifts = new Map([dayShift, nightShift].map((s) => [s.id, s]));
  const set = (args: { date: string; agentId: string; shiftId: string | null }, actor = agents.supervisor, extra = {}) =>
    applyMutation(mutation('roster.set', args), context(actor, { shifts, rosterEntry: null, ...extra }));

  it('puts the one entry of that agent and day', () => {
    const out = expectStatus(set({ date: '2025-03-04', agentId: ID.otherAgent, shiftId: ID.nightShift }), 'applied');
    const id = rosterEntryId('2025-03-04', ID.otherAgent);
    expect(out.puts).toEqual([{ entity: 'roster', id, op: 'put', data: { id, date: '2025-03-04', agentId: ID.otherAgent, shiftId: ID.nightShift } }]);
    expect(RosterEntry.safeParse(out.puts[0]?.data).success).toBe(true);
  });

  it('writes nothing when the entry already says so', () => {
    const id = rosterEntryId('2025-03-04', ID.otherAgent);
    const out = expectStatus(set({ date: '2025-03-04', agentId: ID.otherAgent, shiftId: null }, agents.supervisor, { rosterEntry: { id, date: '2025-03-04', agentId: ID.otherAgent, shiftId: null } }), 'applied');
    expect(out.puts).toEqual([]);
  });

  it('refuses an unknown agent or shift, and a day already over, at their paths', () => {
    const path = (outcome: ReturnType<typeof set>) => (expectStatus(outcome, 'rejected').error.details as Array<{ path: string }>)[0]?.path;
    expect(path(set({ date: '2025-03-04', agentId: ID.article, shiftId: null }))).toBe('args.agentId');
    expect(path(set({ date: '2025-03-04', agentId: ID.agent, shiftId: ID.group }))).toBe('args.shiftId');
    // The context's clock is 2025-03-03; yesterday is still allowed (a night shift runs into today).
    expect(path(set({ date: '2025-03-01', agentId: ID.agent, shiftId: null }))).toBe('args.date');
    expect(set({ date: '2025-03-02', agentId: ID.agent, shiftId: null }).status).toBe('applied');
  });

  it('a supervisor of one desk may not roster an agent who works only the other', () => {
    const helpSupervisor = makeAgent({ id: ID.supervisor, name: 'Sara Supervisor', role: 'supervisor', desks: ['help'] });
    expect(expectStatus(set({ date: '2025-03-04', agentId: ID.fieldTech, shiftId: null }, helpSupervisor), 'rejected').error.code).toBe('forbidden');
    expect(set({ date: '2025-03-04', agentId: ID.helpAgent, shiftId: null }, helpSupervisor).status).toBe('applied');
  });

  it('rejects a day that is not a calendar day in the args', () => {
    const parsed = parseMutation({ id: ID.mutation, seq: 1, name: 'roster.set', args: { date: '2025-02-30', agentId: ID.agent, shiftId: null }, at: NOW });
    expect(parsed).toMatchObject({ ok: false, error: { code: 'invalid_request', details: [{ path: 'args.date' }] } });
  });
});
