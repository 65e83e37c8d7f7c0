// The shifts with their times and time zone, who is on shift now, who comes next, and who is away today.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterIndex } from '../../shared/rules/roster';
import type { Agent, Shift } from '../../shared/schemas/entities';
import { coverage, type Crew } from './roster-view';

type Props = { shifts: readonly Shift[]; agents: readonly Agent[]; roster: RosterIndex; nowMs: number };

export function ShiftCoverage({ shifts, agents, roster, nowMs }: Props) {
  const { t } = useTranslation('supervisor');
  const id = useId();
  const { now, next, away } = coverage(shifts, agents, roster, nowMs);
  return (
    <div className="sb-sup-coverage">
      <table className="sb-sup-table sb-sup-shifts" aria-labelledby={`${id}-shifts`}>
        <caption id={`${id}-shifts`}>{t('roster.shifts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.shift')}</th>
            <th scope="col">{t('roster.hours')}</th>
            <th scope="col">{t('roster.timeZone')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{t('roster.span', { start: s.start, end: s.end })}</td>
              <td>{s.timeZone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sb-sup-coverage__crews">
        <CrewList title={t('roster.onNow')} crews={now} empty={t('roster.noShiftNow')} />
        <CrewList title={t('roster.next')} crews={next ? [next] : []} empty={t('roster.noShiftNext')} next />
        <div role="group" aria-labelledby={`${id}-away`} className="sb-sup-crew">
          <h3 id={`${id}-away`} className="sb-sup__heading">{t('roster.awayToday')}</h3>
          {away.length === 0 ? <p className="sb-sup__muted">{t('roster.nobodyAway')}</p> : (
            <ul className="sb-sup-crew__names">{away.map((a) => <li key={a.id}>{a.name}</li>)}</ul>
          )}
        </div>
      </div>
    </div>
  );
}

function CrewList({ title, crews, empty, next = false }: { title: string; crews: Crew[]; empty: string; next?: boolean }) {
  const { t } = useTranslation('supervisor');
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="sb-sup-crew">
      <h3 id={`${id}-title`} className="sb-sup__heading">{title}</h3>
      {crews.length === 0 ? <p className="sb-sup__muted">{empty}</p> : null}
      {crews.map(({ run, agents }) => (
        <div key={`${run.shift.id}-${run.date}`}>
          <p className="sb-sup-crew__shift">
            {next
              ? t('roster.startsAt', { shift: run.shift.name, start: run.shift.start, hours: Math.floor(run.startsInMinutes / 60), minutes: run.startsInMinutes % 60 })
              : t('roster.runs', { shift: run.shift.name, start: run.shift.start, end: run.shift.end })}
          </p>
          {agents.length === 0 ? <p className="sb-sup__muted">{t('roster.nobodyRostered')}</p> : (
            <ul className="sb-sup-crew__names">{agents.map((a) => <li key={a.id}>{a.name}</li>)}</ul>
          )}
        </div>
      ))}
    </div>
  );
}
