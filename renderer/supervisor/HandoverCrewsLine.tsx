// Which runs of the two shifts the handover is between and how many agents each crew has, so the supervisor
// sees the plan follows the roster (someone rostered off, or swapped onto the arriving shift, counts).
import { useTranslation } from 'react-i18next';
import type { HandoverCrews } from '../../shared/rules/handover-crews';
import type { ShiftRun } from '../../shared/rules/roster';

export function HandoverCrewsLine({ crews }: { crews: HandoverCrews }) {
  const { t, i18n } = useTranslation('supervisor');
  const { leavingRun, arrivingRun } = crews;
  if (!leavingRun || !arrivingRun) return null;
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const describe = (run: ShiftRun) => ({ shift: run.shift.name, day: day.format(new Date(`${run.date}T00:00:00Z`)) });
  return (
    <p className="sb-sup__muted">
      {t('handover.leavingCrew', { ...describe(leavingRun), count: crews.leaving.length })}
      {' · '}
      {t('handover.arrivingCrew', { ...describe(arrivingRun), count: crews.arriving.length })}
    </p>
  );
}
