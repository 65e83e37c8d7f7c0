// Per desk: the unassigned queue and the tickets whose resolution runs out within the next hour, each a
// list to pick from for a bulk reassignment.
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/schemas/entities';
import { TicketChecklist } from './TicketChecklist';
import type { Workload } from './workload';

type Props = { workload: Workload; agents: ReadonlyMap<string, Agent>; nowMs: number };

export function DeskWorkload({ workload, agents, nowMs }: Props) {
  const { t } = useTranslation('supervisor');
  return (
    <div className="sb-sup-desks">
      {workload.desks.map((desk) => {
        const name = t(`desk.${desk.desk}`);
        return (
          <section key={desk.desk} className="sb-sup-desk" aria-label={name}>
            <h3 className="sb-sup__heading">{name}</h3>
            <dl className="sb-sup-desk__facts">
              <div><dt>{t('board.openAll')}</dt><dd>{desk.open}</dd></div>
              <div><dt>{t('board.unassignedCount')}</dt><dd>{desk.unassigned.length}</dd></div>
              <div><dt>{t('board.breachingSoonCount')}</dt><dd className={desk.breachingSoon.length > 0 ? 'sb-sup-sla--at_risk' : undefined}>{desk.breachingSoon.length}</dd></div>
            </dl>
            <TicketChecklist label={t('board.unassignedOf', { desk: name })} tickets={desk.unassigned} readings={workload.readings} agents={agents} nowMs={nowMs} />
            <TicketChecklist label={t('board.breachingSoonOf', { desk: name })} tickets={desk.breachingSoon} readings={workload.readings} agents={agents} nowMs={nowMs} showAssignee />
          </section>
        );
      })}
    </div>
  );
}
