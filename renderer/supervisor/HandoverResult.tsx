// The outcome of the last handover: waiting while the change is queued, then the moves the server made
// and whether they equal the preview the supervisor ran it from (and where they differ).
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { compareMoves, handoverDetails } from './handover-view';
import { useSupervisorStore } from './supervisor-store';
import { useChangeProgress } from './use-supervisor-data';

export function HandoverResult({ agents, tickets }: { agents: readonly Agent[]; tickets: readonly Ticket[] }) {
  const { t } = useTranslation('supervisor');
  const sent = useSupervisorStore((s) => s.lastHandover);
  const progress = useChangeProgress(sent);
  if (!sent || !progress) return null;
  const byId = new Map(tickets.map((x) => [x.id, x]));
  const keyOf = (ticketId: string) => byId.get(ticketId)?.key ?? ticketId;
  const name = (agentId: string | null) => (agentId === null ? t('board.unassigned') : (agents.find((a) => a.id === agentId)?.name ?? t('board.unknownAgent')));

  let body = null;
  if (progress.state === 'waiting') body = <p>{t('handover.waiting', { count: sent.preview.length })}</p>;
  else if (progress.state === 'rejected') body = <p className="sb-sup__error">{t('handover.rejected', { message: progress.error.message })}</p>;
  else if (progress.state === 'conflict' || progress.state === 'unknown') body = <p className="sb-sup__muted">{t('handover.unknown')}</p>;
  else if (progress.state === 'applied') {
    const { moved, unplaced } = handoverDetails(progress.details);
    const differences = compareMoves(sent.preview, moved);
    body = (
      <>
        <p>{t('handover.moved', { count: moved.length })}</p>
        {differences.length === 0
          ? <p className="sb-sup-result--same">{t('handover.equal')}</p>
          : (
            <div className="sb-sup-result--differs">
              <p>{t('handover.differs', { count: differences.length })}</p>
              <ul aria-label={t('handover.differences')}>
                {differences.map((d) => (
                  <li key={d.ticketId}>{t('handover.difference', { key: keyOf(d.ticketId), preview: d.preview ? name(d.preview) : t('handover.notMoved'), outcome: d.outcome ? name(d.outcome) : t('handover.notMoved') })}</li>
                ))}
              </ul>
            </div>
          )}
        <table className="sb-sup-table">
          <caption>{t('handover.movesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('handover.key')}</th>
              <th scope="col">{t('handover.fromAgent')}</th>
              <th scope="col">{t('handover.toAgent')}</th>
            </tr>
          </thead>
          <tbody>
            {moved.map((m) => (
              <tr key={m.ticketId}>
                <th scope="row">{keyOf(m.ticketId)}</th>
                <td>{name(m.from)}</td>
                <td>{name(m.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {unplaced.length > 0 ? <p className="sb-sup__muted">{t('handover.unplacedCount', { count: unplaced.length })}</p> : null}
      </>
    );
  }
  return (
    <section className="sb-sup-result" aria-label={t('handover.result')} aria-live="polite">
      <h3 className="sb-sup__heading">{t('handover.result')}</h3>
      {body}
    </section>
  );
}
