// The ticket detail pane: one landmark per open ticket ("Ticket SD-1042"), read live from the cache and
// changed only through the outbox (`change`). Each concern lives in its own component beside this file.
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE } from '../../shared/rules/ticket-state';
import { useConsole } from '../app/console-context';
import { useUiStore } from '../app/ui-store';
import { AssignmentControl } from './AssignmentControl';
import { Attachments } from './Attachments';
import { Composer } from './Composer';
import { Conversation } from './Conversation';
import { FieldsEditor } from './FieldsEditor';
import { HistorySection } from './HistorySection';
import { KbSuggestions } from './KbSuggestions';
import { PresenceBar } from './PresenceBar';
import { PriorityEditor } from './PriorityEditor';
import { RequesterCard } from './RequesterCard';
import { SlaTimers } from './SlaTimers';
import { StatusControl } from './StatusControl';
import { SyncNotices } from './SyncNotices';
import { TicketHeader } from './TicketHeader';
import { ticketAbilities } from './ticket-permissions';
import { usePresenceReport } from './use-presence-report';
import { useReplyInsert } from './use-reply-insert';
import { useTicketCommands } from './use-ticket-commands';
import { Worklogs } from './Worklogs';
import { useAgents, useAttachments, useComments, useGroups, useOrganization, useTicket, useWorklogs } from './use-ticket-data';
import './ticket.css';

export function TicketPane({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('ticket');
  const { actor } = useConsole();
  const ticket = useTicket(ticketId);
  const comments = useComments(ticketId);
  const worklogs = useWorklogs(ticketId);
  const attachments = useAttachments(ticketId);
  const agents = useAgents();
  const groups = useGroups();
  const organization = useOrganization(ticket?.organizationId);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const abilities = useMemo(() => (ticket ? ticketAbilities(actor, ticket) : null), [actor, ticket]);

  const reportEditing = usePresenceReport(ticketId);
  const revealComposer = useCallback(() => composerRef.current?.scrollIntoView?.({ block: 'nearest' }), []);
  useReplyInsert(ticketId, revealComposer);
  useTicketCommands(ticketId, ticket, abilities, composerRef);

  const activate = useCallback(() => {
    if (useUiStore.getState().activeTicketId !== ticketId) useUiStore.getState().setActiveTicket(ticketId);
  }, [ticketId]);

  const label = !ticket ? t('pane.label') : ticket.key ? t('pane.labelKey', { key: ticket.key }) : t('pane.labelNew');

  return (
    <section role="region" aria-label={label} className="sb-ticket" tabIndex={-1} onFocus={activate} onPointerDown={activate}>
      {ticket === undefined ? <p role="status" className="sb-ticket__hint">{t('loading')}</p> : null}
      {ticket === null ? <p role="status" className="sb-ticket__missing">{t('pane.missing')}</p> : null}
      {ticket && abilities ? (
        <>
          <header className="sb-ticket__header">
            <div className="sb-ticket__header-top">
              <TicketHeader ticket={ticket} agents={agents} groups={groups} />
              <button
                type="button"
                className="sb-ticket__close"
                aria-keyshortcuts="Escape"
                onClick={() => useUiStore.getState().openTicketIn(ticket.desk, null)}
              >
                {t('pane.close')}
              </button>
            </div>
            <SyncNotices ticketId={ticketId} agents={agents} />
            <PresenceBar ticketId={ticketId} agents={agents} />
            <SlaTimers ticket={ticket} timeZone={organization?.timeZone ?? DEFAULT_TIME_ZONE} />
          </header>
          <div className="sb-ticket__actions" role="group" aria-label={t('pane.actions')}>
            <AssignmentControl ticket={ticket} agents={agents} groups={groups} abilities={abilities} />
            <StatusControl ticket={ticket} canEdit={abilities.setStatus} />
            <PriorityEditor ticket={ticket} canEdit={abilities.update} />
          </div>
          <div className="sb-ticket__body">
            <div className="sb-ticket__main">
              <Conversation ticket={ticket} comments={comments} agents={agents} />
              {abilities.comment ? <Composer ticketId={ticketId} textareaRef={composerRef} onEditing={reportEditing} /> : null}
              <Worklogs ticketId={ticketId} worklogs={worklogs} agents={agents} canLog={abilities.worklog} />
              <Attachments ticketId={ticketId} attachments={attachments} canAttach={abilities.attach} />
              <HistorySection ticketId={ticketId} agents={agents} />
            </div>
            <aside className="sb-ticket__side" aria-label={t('pane.side')}>
              <RequesterCard ticket={ticket} />
              <FieldsEditor ticket={ticket} canEdit={abilities.update} />
              <KbSuggestions ticket={ticket} canLink={abilities.linkArticle} onInserted={revealComposer} />
            </aside>
          </div>
        </>
      ) : null}
    </section>
  );
}
