// The workload board: charts first, then each agent against capacity, then each desk's unassigned queue
// and what breaches within the hour. Live: open tickets are re-read on every change, and the clock moves
// the SLA readings every minute. Tickets picked on the board are reassigned in one action.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentWorkload } from './AgentWorkload';
import { BulkReassign } from './BulkReassign';
import { DeskWorkload } from './DeskWorkload';
import { useClock } from './use-clock';
import { useAgents, useBoardDesks, useGroups, useOpenTickets, useOrganizations } from './use-supervisor-data';
import { WorkloadCharts } from './WorkloadCharts';
import { computeWorkload } from './workload';

export function WorkloadTab() {
  const { t } = useTranslation('supervisor');
  const nowMs = useClock();
  const desks = useBoardDesks();
  const tickets = useOpenTickets(desks);
  const agents = useAgents();
  const groups = useGroups();
  const organizations = useOrganizations();
  const agentsById = useMemo(() => new Map((agents ?? []).map((a) => [a.id, a])), [agents]);
  const workload = useMemo(
    () => (tickets && agents && organizations ? computeWorkload({ tickets, agents, organizations, desks, nowMs }) : null),
    [tickets, agents, organizations, desks, nowMs],
  );
  if (!workload || !agents) return <p role="status" className="sb-sup__muted">{t('loading')}</p>;
  return (
    <div className="sb-sup-board">
      <BulkReassign agents={agents} groups={groups} />
      <WorkloadCharts workload={workload} nowMs={nowMs} />
      <AgentWorkload workload={workload} desks={desks} agents={agentsById} nowMs={nowMs} />
      <DeskWorkload workload={workload} agents={agentsById} nowMs={nowMs} />
    </div>
  );
}
