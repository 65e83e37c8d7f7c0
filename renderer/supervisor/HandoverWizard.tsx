// The shift handover: (1) the leaving and arriving shift and the strategy, (2) the preview, ticket by
// ticket, where the supervisor may change a target, (3) a note and "Run handover", which queues
// `shift.handover` with the same strategy and the overrides; (4) the outcome once the server answers.
import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverStrategy } from '../../shared/rules/handover';
import { rosterIndex, shiftNext, shiftsOnNow } from '../../shared/rules/roster';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import { HandoverCrewsLine } from './HandoverCrewsLine';
import { HandoverPreview } from './HandoverPreview';
import { HandoverResult } from './HandoverResult';
import { overridesToSend, previewCrews, previewDates, previewHandover, type HandoverWorld } from './handover-view';
import { useSupervisorStore } from './supervisor-store';
import { useClock } from './use-clock';
import { useAgents, useBoardDesks, useChangeProgress, useOpenTickets, useRosterOfDays, useShifts } from './use-supervisor-data';

const STRATEGIES: readonly HandoverStrategy[] = ['balanced', 'round_robin'];
const NO_AGENTS: never[] = [];
const NO_SHIFTS: never[] = [];

export function HandoverWizard() {
  const { t } = useTranslation('supervisor');
  const { change } = useConsole();
  const id = useId();
  const nowMs = useClock();
  const loadedShifts = useShifts();
  const loadedAgents = useAgents();
  const shifts = loadedShifts ?? NO_SHIFTS;
  const agents = loadedAgents ?? NO_AGENTS;
  const tickets = useOpenTickets(useBoardDesks());
  const lastHandover = useSupervisorStore((s) => s.lastHandover);
  const setLastHandover = useSupervisorStore((s) => s.setLastHandover);
  const lastProgress = useChangeProgress(lastHandover);
  const action = useAction();

  // By default the shift on duty hands over to the one that comes next.
  const suggested = useMemo(() => ({
    from: shiftsOnNow(shifts, nowMs)[0]?.shift.id ?? shifts[0]?.id ?? '',
    to: shiftNext(shifts, nowMs)?.shift.id ?? shifts[1]?.id ?? '',
  }), [shifts, nowMs]);
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const fromShiftId = picked.from ?? suggested.from;
  const toShiftId = picked.to ?? suggested.to;
  const [strategy, setStrategy] = useState<HandoverStrategy>('balanced');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');

  // Who leaves and who arrives comes from the roster of the runs' days, as on the server.
  const dates = useMemo(() => previewDates({ fromShiftId, toShiftId }, shifts, nowMs), [fromShiftId, toShiftId, shifts, nowMs]);
  const rosterEntries = useRosterOfDays(dates);
  const world = useMemo<HandoverWorld>(
    () => ({ agents, shifts, roster: rosterIndex(rosterEntries ?? []), nowMs }),
    [agents, shifts, rosterEntries, nowMs],
  );
  const crews = useMemo(() => previewCrews({ fromShiftId, toShiftId }, world), [fromShiftId, toShiftId, world]);
  const plan = useMemo(
    () => previewHandover({ fromShiftId, toShiftId, strategy, overrides }, world, tickets ?? []),
    [fromShiftId, toShiftId, strategy, overrides, world, tickets],
  );
  const same = fromShiftId !== '' && fromShiftId === toShiftId;
  // The preview moves only once the server has run a handover: a second run of the same shifts meanwhile
  // would be queued behind the first and find nothing left to move.
  const queued = lastProgress?.state === 'waiting' && lastHandover?.fromShiftId === fromShiftId && lastHandover.toShiftId === toShiftId;
  const blocked = same || queued || plan.moves.length === 0;
  const override = useCallback((ticketId: string, agentId: string) => setOverrides((o) => ({ ...o, [ticketId]: agentId })), []);

  // A new choice of shifts or strategy is a new plan: earlier adjustments no longer apply.
  const choose = (next: { from?: string; to?: string; strategy?: HandoverStrategy }) => {
    setPicked((p) => ({ from: next.from ?? p.from ?? suggested.from, to: next.to ?? p.to ?? suggested.to }));
    if (next.strategy) setStrategy(next.strategy);
    setOverrides({});
  };

  async function run(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    const sentOverrides = overridesToSend(overrides, plan);
    const sent = await action.run(async () => {
      const entry = await change('shift.handover', {
        fromShiftId, toShiftId, strategy,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(sentOverrides ? { overrides: sentOverrides } : {}),
      });
      return { id: entry.id, seq: entry.seq, fromShiftId, toShiftId, strategy, preview: plan.moves, unplaced: plan.unplaced };
    });
    if (sent) {
      // The adjustments stay on screen: they are what was sent, until the moves arrive by pull.
      setLastHandover(sent.value);
      setNote('');
    }
  }

  return (
    <div className="sb-sup-handover">
      <form onSubmit={run} aria-label={t('handover.label')}>
        <fieldset className="sb-sup-handover__step">
          <legend>{t('handover.step1')}</legend>
          <label htmlFor={`${id}-from`}>{t('handover.from')}</label>
          <select id={`${id}-from`} value={fromShiftId} onChange={(e) => choose({ from: e.target.value })}>
            {shifts.map((s) => <option key={s.id} value={s.id}>{t('handover.shiftOption', { name: s.name, start: s.start, end: s.end })}</option>)}
          </select>
          <label htmlFor={`${id}-to`}>{t('handover.to')}</label>
          <select id={`${id}-to`} value={toShiftId} onChange={(e) => choose({ to: e.target.value })}>
            {shifts.map((s) => <option key={s.id} value={s.id}>{t('handover.shiftOption', { name: s.name, start: s.start, end: s.end })}</option>)}
          </select>
          <div role="radiogroup" aria-label={t('handover.strategy')} className="sb-sup-handover__strategies">
            {STRATEGIES.map((s) => (
              <label key={s}>
                <input type="radio" name={`${id}-strategy`} value={s} checked={strategy === s} onChange={() => choose({ strategy: s })} />
                {t(`handover.strategyName.${s}`)}
              </label>
            ))}
          </div>
          <p className="sb-sup__muted">{t(`handover.strategyHint.${strategy}`)}</p>
          {same ? <p role="alert" className="sb-sup__error">{t('handover.sameShift')}</p> : <HandoverCrewsLine crews={crews} />}
        </fieldset>

        <fieldset className="sb-sup-handover__step">
          <legend>{t('handover.step2')}</legend>
          {tickets === undefined || loadedAgents === undefined || loadedShifts === undefined || rosterEntries === undefined ? <p role="status">{t('loading')}</p> : (
            <HandoverPreview
              plan={plan}
              tickets={tickets}
              agents={agents}
              arriving={crews.arriving}
              onOverride={override}
            />
          )}
        </fieldset>

        <fieldset className="sb-sup-handover__step">
          <legend>{t('handover.step3')}</legend>
          <label htmlFor={`${id}-note`}>{t('handover.note')}</label>
          <textarea id={`${id}-note`} value={note} maxLength={5000} rows={3} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={blocked || action.busy}>{t('handover.run', { count: plan.moves.length })}</button>
          {queued ? <p className="sb-sup__muted">{t('handover.alreadyQueued')}</p> : null}
          {action.failed ? <p role="alert" className="sb-sup__error">{t('error.notSaved')}</p> : null}
        </fieldset>
      </form>
      <HandoverResult agents={agents} tickets={tickets ?? []} />
    </div>
  );
}
