// The roster of the days ahead: one row per agent, one select per day. Changing a cell queues
// `roster.set`; the cache shows it at once, and a cell with no entry shows the agent's usual shift.
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterIndex } from '../../shared/rules/roster';
import type { Agent, Shift } from '../../shared/schemas/entities';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import { rosterAgents } from './roster-view';

const OFF = 'off';

type Props = { days: readonly string[]; shifts: readonly Shift[]; agents: readonly Agent[]; roster: RosterIndex };
type SetCell = (date: string, agentId: string, shiftId: string | null) => void;

export function RosterGrid({ days, shifts, agents, roster }: Props) {
  const { t, i18n } = useTranslation('supervisor');
  const { actor, change } = useConsole();
  const action = useAction();
  const { run } = action;
  const rows = useMemo(() => rosterAgents(actor, agents, shifts), [actor, agents, shifts]);
  const dayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' });
    return days.map((d) => format.format(new Date(`${d}T00:00:00Z`)));
  }, [days, i18n.language]);
  const setCell = useCallback<SetCell>((date, agentId, shiftId) => {
    void run(() => change('roster.set', { date, agentId, shiftId }));
  }, [run, change]);

  return (
    <div className="sb-sup-roster__grid">
      <table className="sb-sup-table">
        <caption>{t('roster.gridCaption', { count: days.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.agent')}</th>
            {days.map((d, i) => <th key={d} scope="col"><time dateTime={d}>{dayNames[i]}</time></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((agent) => (
            <RosterRow
              key={agent.id}
              agent={agent}
              days={days}
              dayNames={dayNames}
              shifts={shifts}
              // Only this agent's cells, as a key: a row re-renders when its own cells change.
              cells={days.map((d) => roster.get(`${d}|${agent.id}`)?.shiftId ?? (roster.has(`${d}|${agent.id}`) ? OFF : '')).join(',')}
              setCell={setCell}
            />
          ))}
        </tbody>
      </table>
      {action.failed ? <p role="alert" className="sb-sup__error">{t('error.notSaved')}</p> : null}
    </div>
  );
}

type RowProps = {
  agent: Agent;
  days: readonly string[];
  dayNames: readonly string[];
  shifts: readonly Shift[];
  /** Per day: the rostered shift id, OFF, or '' when the day has no entry. */
  cells: string;
  setCell: SetCell;
};

const RosterRow = memo(function RosterRow({ agent, days, dayNames, shifts, cells, setCell }: RowProps) {
  const { t } = useTranslation('supervisor');
  const entries = cells.split(',');
  return (
    <tr>
      <th scope="row">
        {agent.name}
        {agent.away ? <span className="sb-sup__badge sb-sup__badge--warning">{t('roster.awayBadge')}</span> : null}
      </th>
      {days.map((date, i) => {
        const entry = entries[i] ?? '';
        const value = entry === '' ? (agent.shiftId ?? OFF) : entry;
        return (
          <td key={date} className={entry ? 'sb-sup-roster__cell' : 'sb-sup-roster__cell sb-sup-roster__cell--usual'}>
            <select
              aria-label={t('roster.cellLabel', { name: agent.name, day: dayNames[i] })}
              title={entry ? t('roster.rostered') : t('roster.usual')}
              value={value}
              onChange={(e) => setCell(date, agent.id, e.target.value === OFF ? null : e.target.value)}
            >
              {shifts.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              <option value={OFF}>{t('roster.off')}</option>
            </select>
          </td>
        );
      })}
    </tr>
  );
});
