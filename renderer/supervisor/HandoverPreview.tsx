// The handover preview, ticket by ticket: key, subject, from → to, where "to" is a select of the arriving
// agents who may take the ticket. A change becomes an override, and the whole plan is worked out again
// with it (under "balanced" the other tickets may then go elsewhere, exactly as on the server).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverPlan } from '../../shared/rules/handover';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { arrivingFor } from './handover-view';

type Props = {
  plan: HandoverPlan;
  tickets: readonly Ticket[];
  agents: readonly Agent[];
  /** The arriving crew (from the roster): the agents a target may be changed to. */
  arriving: readonly Agent[];
  onOverride(ticketId: string, agentId: string): void;
};

/** Memoized: typing the note re-renders the wizard, and a long preview need not follow every key. */
export const HandoverPreview = memo(function HandoverPreview({ plan, tickets, agents, arriving, onOverride }: Props) {
  const { t } = useTranslation('supervisor');
  const byId = new Map(tickets.map((x) => [x.id, x]));
  const agentName = (agentId: string | null) => (agentId === null ? t('board.unassigned') : (agents.find((a) => a.id === agentId)?.name ?? t('board.unknownAgent')));
  const keyOf = (ticketId: string) => byId.get(ticketId)?.key ?? t('board.newKey');

  if (plan.moves.length === 0 && plan.unplaced.length === 0) return <p className="sb-sup__muted">{t('handover.nothing')}</p>;
  return (
    <>
      <table className="sb-sup-table sb-sup-preview">
        <caption>{t('handover.previewCaption', { count: plan.moves.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('handover.key')}</th>
            <th scope="col">{t('handover.subject')}</th>
            <th scope="col">{t('handover.fromAgent')}</th>
            <th scope="col">{t('handover.toAgent')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.moves.map((move) => {
            const ticket = byId.get(move.ticketId);
            const candidates = ticket ? arrivingFor(ticket, arriving) : [];
            return (
              <tr key={move.ticketId}>
                <th scope="row">{keyOf(move.ticketId)}</th>
                <td>{ticket?.subject ?? ''}</td>
                <td>{agentName(move.from)}</td>
                <td>
                  <select
                    aria-label={t('handover.targetOf', { key: keyOf(move.ticketId) })}
                    value={move.to}
                    onChange={(e) => onOverride(move.ticketId, e.target.value)}
                  >
                    {candidates.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.unplaced.length > 0 ? (
        <div role="group" aria-label={t('handover.unplaced')} className="sb-sup-preview__unplaced">
          <h4 className="sb-sup__heading">{t('handover.unplaced')}</h4>
          <p className="sb-sup__muted">{t('handover.unplacedHint')}</p>
          <ul>
            {plan.unplaced.map((ticketId) => (
              <li key={ticketId}>{keyOf(ticketId)} · {byId.get(ticketId)?.subject ?? ''} · {agentName(byId.get(ticketId)?.assigneeId ?? null)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
});
