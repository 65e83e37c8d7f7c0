// Reassigns the picked tickets in one `ticket.bulkAssign`, to an agent or to a group's queue. Each ticket
// carries the assignee the console knows now (`expected`), so one that someone changed meanwhile comes
// back as a per-ticket conflict and is left as it is, never overwritten.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf } from '../../shared/protocol/mutations';
import type { Agent, Group } from '../../shared/schemas/entities';
import type { Ticket } from '../../shared/schemas/ticket';
import { useConsole } from '../app/console-context';
import { useAction } from '../app/use-action';
import { BulkOutcomes } from './BulkOutcomes';
import { useSupervisorStore } from './supervisor-store';
import { agentsForAll } from './workload';

/** The protocol's limit of tickets in one bulk action. */
export const MAX_TICKETS = 1000;

export function BulkReassign({ agents, groups }: { agents: readonly Agent[]; groups: readonly Group[] }) {
  const { t } = useTranslation('supervisor');
  const { db, change } = useConsole();
  const id = useId();
  const action = useAction();
  const selected = useSupervisorStore((s) => s.selected);
  const clearSelection = useSupervisorStore((s) => s.clearSelection);
  const setLastBulk = useSupervisorStore((s) => s.setLastBulk);
  const [target, setTarget] = useState('');
  const ids = [...selected];
  const tickets = useLiveQuery(
    async () => (await db.tickets.bulkGet(ids)).filter((x): x is Ticket => x !== undefined),
    [db, ids.join(',')],
  ) ?? [];
  const desks = new Set(tickets.map((x) => x.desk));
  const candidates = agentsForAll(agents, tickets);
  const deskGroups = desks.size === 1 ? groups.filter((g) => desks.has(g.desk)).sort((a, b) => a.name.localeCompare(b.name)) : [];
  const valid = target !== '' && (target.startsWith('agent:') ? candidates.some((a) => `agent:${a.id}` === target) : deskGroups.some((g) => `group:${g.id}` === target));
  const tooMany = ids.length > MAX_TICKETS;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || tooMany || ids.length === 0) return;
    const sent = await action.run(async () => {
      // The assignee as the cache holds it at this moment: the server compares against it.
      const current = (await db.tickets.bulkGet(ids)).filter((x): x is Ticket => x !== undefined);
      const [kind, targetId] = target.split(':') as ['agent' | 'group', string];
      const args: ArgsOf<'ticket.bulkAssign'> = {
        ticketIds: current.map((x) => x.id),
        ...(kind === 'agent' ? { assigneeId: targetId } : { assigneeId: null, groupId: targetId }),
        expected: Object.fromEntries(current.map((x) => [x.id, x.assigneeId])),
      };
      const entry = await change('ticket.bulkAssign', args);
      return { id: entry.id, seq: entry.seq, ticketIds: args.ticketIds };
    });
    if (sent) {
      setLastBulk(sent.value);
      clearSelection();
      setTarget('');
    }
  }

  return (
    <div className="sb-sup-bulk">
      <form className="sb-sup-bulk__form" aria-label={t('bulk.label')} onSubmit={submit}>
        <p className="sb-sup-bulk__count" role="status">{t('bulk.selected', { count: ids.length })}</p>
        <label htmlFor={`${id}-target`}>{t('bulk.target')}</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)} disabled={ids.length === 0}>
          <option value="">{t('bulk.choose')}</option>
          <optgroup label={t('bulk.agents')}>
            {candidates.map((a) => <option key={a.id} value={`agent:${a.id}`}>{a.away ? t('bulk.awayAgent', { name: a.name }) : a.name}</option>)}
          </optgroup>
          {deskGroups.length > 0 ? (
            <optgroup label={t('bulk.groups')}>
              {deskGroups.map((g) => <option key={g.id} value={`group:${g.id}`}>{g.name}</option>)}
            </optgroup>
          ) : null}
        </select>
        <button type="submit" disabled={!valid || tooMany || action.busy || ids.length === 0}>{t('bulk.submit')}</button>
        <button type="button" onClick={clearSelection} disabled={ids.length === 0}>{t('bulk.clear')}</button>
      </form>
      {desks.size > 1 ? <p className="sb-sup__muted">{t('bulk.mixedDesks')}</p> : null}
      {tooMany ? <p role="alert" className="sb-sup__error">{t('bulk.tooMany', { max: MAX_TICKETS })}</p> : null}
      {action.failed ? <p role="alert" className="sb-sup__error">{t('error.notSaved')}</p> : null}
      <BulkOutcomes />
    </div>
  );
}
