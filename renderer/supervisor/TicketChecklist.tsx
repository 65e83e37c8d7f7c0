// A list of tickets to pick for a bulk reassignment: a checkbox per ticket and one for all shown. Long
// lists show the most urgent first and say how many more there are.
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { formatCountdown } from '../i18n/format';
import type { SlaReading } from './sla-reading';
import { useSupervisorStore } from './supervisor-store';

export const CHECKLIST_LIMIT = 50;

type Props = {
  label: string;
  tickets: readonly Ticket[];
  readings: ReadonlyMap<string, SlaReading>;
  agents: ReadonlyMap<string, Agent>;
  nowMs: number;
  showAssignee?: boolean;
};

export function TicketChecklist({ label, tickets, readings, agents, nowMs, showAssignee = false }: Props) {
  const { t } = useTranslation('supervisor');
  const selected = useSupervisorStore((s) => s.selected);
  const toggle = useSupervisorStore((s) => s.toggle);
  const selectMany = useSupervisorStore((s) => s.selectMany);
  const shown = tickets.slice(0, CHECKLIST_LIMIT);
  const allOn = shown.length > 0 && shown.every((x) => selected.has(x.id));
  if (tickets.length === 0) {
    return (
      <fieldset className="sb-sup-checklist">
        <legend>{label}</legend>
        <p className="sb-sup__muted">{t('board.noTickets')}</p>
      </fieldset>
    );
  }
  return (
    <fieldset className="sb-sup-checklist">
      <legend>{label}</legend>
      <label className="sb-sup-checklist__all">
        <input type="checkbox" checked={allOn} onChange={(e) => selectMany(shown.map((x) => x.id), e.target.checked)} />
        {t('board.selectAll', { count: shown.length })}
      </label>
      <ul>
        {shown.map((ticket) => {
          const reading = readings.get(ticket.id);
          const key = ticket.key ?? t('board.newKey');
          return (
            <li key={ticket.id} className={`sb-sup-checklist__item sb-sup-sla--${reading?.state ?? 'ok'}`}>
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(ticket.id)}
                  onChange={(e) => toggle(ticket.id, e.target.checked)}
                  aria-label={t('board.pick', { key, subject: ticket.subject })}
                />
                <span className="sb-sup-checklist__key">{key}</span>
                <span className="sb-sup__badge">{ticket.priority}</span>
                <span className="sb-sup-checklist__subject">{ticket.subject}</span>
                {showAssignee ? (
                  <span className="sb-sup__muted">{ticket.assigneeId ? (agents.get(ticket.assigneeId)?.name ?? t('board.unknownAgent')) : t('board.unassigned')}</span>
                ) : null}
                <span className="sb-sup-checklist__sla">
                  {reading?.state === 'breached' ? t('board.breachedShort')
                    : reading?.dueMs != null ? t('board.dueIn', { time: formatCountdown(reading.dueMs - nowMs) })
                    : t('board.paused')}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {tickets.length > shown.length ? <p className="sb-sup__muted">{t('board.more', { count: tickets.length - shown.length })}</p> : null}
    </fieldset>
  );
}
