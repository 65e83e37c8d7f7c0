// Per agent: open tickets by desk and priority, SLA at risk and breached, and the load against capacity
// as a bar. Each row opens the agent's tickets for picking.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../shared/rules/priority';
import type { Desk } from '../../shared/schemas/common';
import type { Agent } from '../../shared/schemas/entities';
import { TicketChecklist } from './TicketChecklist';
import type { AgentLoad, Workload } from './workload';

type Props = { workload: Workload; desks: readonly Desk[]; agents: ReadonlyMap<string, Agent>; nowMs: number };

export function AgentWorkload({ workload, desks, agents, nowMs }: Props) {
  const { t } = useTranslation('supervisor');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const columns = 7 + desks.length + PRIORITIES.length;
  const flip = (id: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  return (
    <table className="sb-sup-table sb-sup-agents">
      <caption>{t('board.agentsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('board.agent')}</th>
          <th scope="col">{t('board.open')}</th>
          {desks.map((d) => <th key={d} scope="col">{t(`desk.${d}`)}</th>)}
          {PRIORITIES.map((p) => <th key={p} scope="col">{p}</th>)}
          <th scope="col">{t('board.atRisk')}</th>
          <th scope="col">{t('board.breached')}</th>
          <th scope="col">{t('board.capacity')}</th>
          <th scope="col">{t('board.load')}</th>
          <th scope="col"><span className="sb-sup-visually-hidden">{t('board.tickets')}</span></th>
        </tr>
      </thead>
      <tbody>
        {workload.agents.map((load) => (
          <Fragment key={load.agent.id}>
            <tr className={load.loadShare > 1 ? 'sb-sup-agents__row sb-sup-agents__row--over' : 'sb-sup-agents__row'}>
              <th scope="row">
                {load.agent.name}
                {load.agent.away ? <span className="sb-sup__badge sb-sup__badge--warning">{t('roster.awayBadge')}</span> : null}
              </th>
              <td>{load.open}</td>
              {desks.map((d) => <td key={d}>{load.byDesk[d]}</td>)}
              {PRIORITIES.map((p) => <td key={p}>{load.byPriority[p]}</td>)}
              <td className={load.atRisk > 0 ? 'sb-sup-sla--at_risk' : undefined}>{load.atRisk}</td>
              <td className={load.breached > 0 ? 'sb-sup-sla--breached' : undefined}>{load.breached}</td>
              <td>{load.agent.capacity}</td>
              <td><CapacityBar load={load} /></td>
              <td>
                <button
                  type="button"
                  aria-expanded={open.has(load.agent.id)}
                  aria-controls={`sb-sup-agent-${load.agent.id}`}
                  disabled={load.open === 0}
                  aria-label={t('board.showTickets', { name: load.agent.name })}
                  onClick={() => flip(load.agent.id)}
                >
                  {t('board.tickets')}
                </button>
              </td>
            </tr>
            {open.has(load.agent.id) ? (
              <tr id={`sb-sup-agent-${load.agent.id}`} className="sb-sup-agents__tickets">
                <td colSpan={columns}>
                  <TicketChecklist label={t('board.ticketsOf', { name: load.agent.name })} tickets={load.tickets} readings={workload.readings} agents={agents} nowMs={nowMs} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function CapacityBar({ load }: { load: AgentLoad }) {
  const { t } = useTranslation('supervisor');
  const { open, agent } = load;
  const share = Math.min(1, agent.capacity > 0 ? open / agent.capacity : open > 0 ? 1 : 0);
  const level = load.loadShare > 1 ? 'over' : load.loadShare >= 0.8 ? 'high' : 'ok';
  return (
    <div
      className={`sb-sup-capacity sb-sup-capacity--${level}`}
      role="meter"
      aria-label={t('board.loadOf', { name: agent.name })}
      aria-valuemin={0}
      aria-valuemax={agent.capacity}
      aria-valuenow={Math.min(open, agent.capacity)}
      aria-valuetext={t('board.loadText', { open, capacity: agent.capacity })}
    >
      <div className="sb-sup-capacity__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      <span className="sb-sup-capacity__text">{t('board.loadText', { open, capacity: agent.capacity })}</span>
    </div>
  );
}
