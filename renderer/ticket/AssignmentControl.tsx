// Who works the ticket. Agents and field techs take it or give it back; supervisors and admins also
// assign anyone who works the ticket's desk, and pick the group. Always `ticket.assign` with the
// assignee the agent saw, so a concurrent reassignment comes back as a conflict, not a silent overwrite.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maySeeDesk } from '../../shared/rules/permissions';
import type { Agent, Group } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import type { TicketAbilities } from './ticket-permissions';

export function useAssignToMe(ticket: Ticket | null | undefined) {
  const { change, actor } = useConsole();
  return async () => {
    if (!ticket || ticket.assigneeId === actor.id) return;
    await change('ticket.assign', { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: ticket.assigneeId });
  };
}

export function AssignmentControl({ ticket, agents, groups, abilities }: {
  ticket: Ticket;
  agents: ReadonlyMap<string, Agent>;
  groups: ReadonlyMap<string, Group>;
  abilities: TicketAbilities;
}) {
  const { t } = useTranslation('ticket');
  const { actor, change } = useConsole();
  const action = useAction();
  const assignToMe = useAssignToMe(ticket);
  if (!abilities.assignSelf) return null;
  const mine = ticket.assigneeId === actor.id;
  return (
    <div className="sb-ticket__form sb-assign">
      <div className="sb-ticket__row">
        {mine ? (
          <button
            type="button"
            disabled={action.busy}
            onClick={() => action.run(() => change('ticket.assign', { ticketId: ticket.id, assigneeId: null, expectedAssigneeId: actor.id }))}
          >
            {t('assign.unassignMe')}
          </button>
        ) : (
          <button type="button" disabled={action.busy} onClick={() => action.run(assignToMe)} aria-keyshortcuts="a">
            {t('assign.toMe')}
          </button>
        )}
      </div>
      {abilities.assignOthers ? (
        <AssignOthersForm key={`${ticket.assigneeId ?? ''}|${ticket.groupId ?? ''}`} ticket={ticket} agents={agents} groups={groups} />
      ) : null}
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </div>
  );
}

function AssignOthersForm({ ticket, agents, groups }: { ticket: Ticket; agents: ReadonlyMap<string, Agent>; groups: ReadonlyMap<string, Group> }) {
  const { t } = useTranslation('ticket');
  const { change } = useConsole();
  const id = useId();
  const action = useAction();
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId ?? '');
  const [groupId, setGroupId] = useState(ticket.groupId ?? '');

  const candidates = useMemo(
    () => [...agents.values()].filter((a) => maySeeDesk(a, ticket.desk)).sort((a, b) => a.name.localeCompare(b.name)),
    [agents, ticket.desk],
  );
  const deskGroups = useMemo(
    () => [...groups.values()].filter((g) => g.desk === ticket.desk).sort((a, b) => a.name.localeCompare(b.name)),
    [groups, ticket.desk],
  );
  const dirty = assigneeId !== (ticket.assigneeId ?? '') || groupId !== (ticket.groupId ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!dirty) return;
    await action.run(() =>
      change('ticket.assign', {
        ticketId: ticket.id,
        assigneeId: assigneeId || null,
        ...(groupId !== (ticket.groupId ?? '') ? { groupId: groupId || null } : {}),
        expectedAssigneeId: ticket.assigneeId,
      }),
    );
  }

  return (
    <form className="sb-ticket__row" onSubmit={submit} aria-label={t('assign.formLabel')}>
      <label htmlFor={`${id}-assignee`}>{t('header.assignee')}</label>
      <select id={`${id}-assignee`} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
        <option value="">{t('header.unassigned')}</option>
        {candidates.map((a) => (
          <option key={a.id} value={a.id}>{a.away ? t('assign.away', { name: a.name }) : a.name}</option>
        ))}
      </select>
      <label htmlFor={`${id}-group`}>{t('header.group')}</label>
      <select id={`${id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
        <option value="">{t('header.noGroup')}</option>
        {deskGroups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
      </select>
      <button type="submit" disabled={action.busy || !dirty}>{t('assign.submit')}</button>
      {action.failed ? <p role="alert" className="sb-ticket__error">{t('error.notSaved')}</p> : null}
    </form>
  );
}
