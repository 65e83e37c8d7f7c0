// The main screen: Service Desk, Help Desk and the knowledge base side by side in resizable panes that
// collapse, maximize and reorder; a ticket opens beside its queue. Status bar, palette and dialogs.
import { Fragment, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { KnowledgePane } from '../kb/KnowledgePane';
import { FieldPane } from '../offline/FieldPane';
import { useNotifications } from '../offline/use-notifications';
import { SupervisorPane } from '../supervisor/SupervisorPane';
import { QueuePane } from '../queues/QueuePane';
import { TicketPane } from '../ticket/TicketPane';
import { CommandPalette, type PaletteAction } from './CommandPalette';
import { ConsoleHeader } from './ConsoleHeader';
import { move, paneSizes, toggleCollapsed, toggleMaximized, visiblePanes, withSizes, type Pane, type PaneLayoutState } from './layout';
import { OfflineBanner } from './OfflineBanner';
import type { Session } from './session';
import { ShortcutSheet } from './ShortcutSheet';
import { keyOf, SHORTCUT_LABEL } from './shortcut-keys';
import { StatusBar, type SyncPanel } from './StatusBar';
import { MountTurn, useMountTurn } from './mount-turns';
import { SyncPanels } from './SyncPanels';
import { dispatchCommand, useCommand, useUiStore, type ConsoleCommand } from './ui-store';
import { useLayout } from './use-layout';
import { useShortcuts } from './use-shortcuts';

function DeskArea({ desk }: { desk: 'service' | 'help' }) {
  const ticketId = useUiStore((s) => s.openTicket[desk]);
  // The queue comes in a later task than its split group, which measures itself when it mounts.
  const queueShown = useMountTurn();
  // The queue has the whole pane until a ticket opens beside it; it stays mounted, so its view, filter and
  // sort survive opening and closing tickets.
  return (
    <Group orientation="horizontal" className="desk-area">
      <Panel id={`${desk}-queue`} minSize="25">
        {queueShown && <QueuePane desk={desk} />}
      </Panel>
      {ticketId && (
        <>
          <Separator className="separator" />
          {/* The ticket is what the agent works on: it opens wider than the queue beside it. */}
          <Panel id={`${desk}-ticket`} minSize="25" defaultSize="60">
            <TicketPane key={ticketId} ticketId={ticketId} />
          </Panel>
        </>
      )}
    </Group>
  );
}

function PaneFrame({ pane, layout, onLayout, children }: { pane: Pane; layout: PaneLayoutState; onLayout: (l: PaneLayoutState) => void; children: React.ReactNode }) {
  const { t } = useTranslation('app');
  const name = t(`panes.${pane}`);
  const focusPane = useUiStore((s) => s.focusPane);
  return (
    <div className="pane-frame" onFocusCapture={() => focusPane(pane)} onMouseDown={() => focusPane(pane)}>
      <div className="pane-tools">
        <button type="button" aria-label={t('panes.moveLeft', { pane: name })} onClick={() => onLayout(move(layout, pane, -1))}>‹</button>
        <button type="button" aria-label={t('panes.moveRight', { pane: name })} onClick={() => onLayout(move(layout, pane, 1))}>›</button>
        <button type="button" aria-label={layout.maximized === pane ? t('panes.restore') : t('panes.maximize', { pane: name })} onClick={() => onLayout(toggleMaximized(layout, pane))}>
          {layout.maximized === pane ? '❐' : '□'}
        </button>
        <button type="button" aria-label={t('panes.collapse', { pane: name })} onClick={() => onLayout(toggleCollapsed(layout, pane))}>–</button>
      </div>
      <div className="pane-body">{children}</div>
    </div>
  );
}

export function ConsoleScreen({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t } = useTranslation('app');
  const [layout, setLayout] = useLayout(session.services.actor);
  const [panel, setPanel] = useState<SyncPanel | null>(null);
  const [palette, setPalette] = useState(false);
  const [sheet, setSheet] = useState(false);
  const openTicketIn = useUiStore((s) => s.openTicketIn);
  useShortcuts();
  useNotifications();
  useCommand(
    useCallback((command: ConsoleCommand) => {
      if (command === 'palette') setPalette(true);
      if (command === 'shortcuts') setSheet(true);
    }, []),
  );

  const visible = visiblePanes(layout);
  const hidden = layout.order.filter((p) => !visible.includes(p));
  const content = (pane: Pane) => {
    switch (pane) {
      case 'kb': return <KnowledgePane />;
      case 'supervisor': return <SupervisorPane />;
      case 'field': return <FieldPane onRequestSync={() => session.sync.requestSync()} onOpenConflicts={() => setPanel('conflicts')} />;
      default: return <DeskArea desk={pane} />;
    }
  };

  const actions: PaletteAction[] = useMemo(() => {
    const command = (id: ConsoleCommand, label = t(`shortcuts.${SHORTCUT_LABEL[id]}`)): PaletteAction => ({ id, label, keys: keyOf(id), run: () => dispatchCommand(id) });
    return [
      command('next'),
      command('previous'),
      command('open'),
      command('assignToMe'),
      command('reply'),
      command('note'),
      command('search'),
      command('shortcuts', t('shortcuts.title')),
      { id: 'outbox', label: t('outbox.title'), run: () => setPanel('outbox') },
      { id: 'conflicts', label: t('conflicts.title'), run: () => setPanel('conflicts') },
      { id: 'attention', label: t('attention.title'), run: () => setPanel('attention') },
      { id: 'resync', label: t('menu.resync'), run: () => session.sync.resyncFromScratch() },
      { id: 'signout', label: t('menu.signOut'), run: onSignOut },
      ...layout.order.map((p) => ({ id: `toggle-${p}`, label: t('panes.expand', { pane: t(`panes.${p}`) }), run: () => setLayout(toggleCollapsed(layout, p)) })),
    ];
  }, [t, layout, setLayout, session, onSignOut]);

  return (
    <div className="console">
      <ConsoleHeader session={session} onPalette={() => setPalette(true)} onSignOut={onSignOut} />
      <OfflineBanner />
      <div className="console-body">
        {hidden.length > 0 && (
          <nav className="pane-rail" aria-label={t('panes.restore')}>
            {hidden.map((p) => (
              <button key={p} type="button" onClick={() => setLayout(layout.maximized ? toggleMaximized(layout, layout.maximized) : toggleCollapsed(layout, p))}>
                {t('panes.expand', { pane: t(`panes.${p}`) })}
              </button>
            ))}
          </nav>
        )}
        <Group
          key={visible.join('|')}
          orientation="horizontal"
          className="panes"
          defaultLayout={Object.keys(layout.sizes).length > 0 ? paneSizes(layout) : undefined}
          // The panes report their sizes when they first lay out too: those change nothing (no render of
          // the whole console and no settings write while it mounts).
          onLayoutChanged={(sizes) => {
            const next = withSizes(layout, sizes);
            if (next !== layout) setLayout(next);
          }}
        >
          {visible.map((pane, i) => (
            <Fragment key={pane}>
              {i > 0 && <Separator className="separator" />}
              <Panel id={pane} minSize="15">
                <PaneFrame pane={pane} layout={layout} onLayout={setLayout}><MountTurn>{content(pane)}</MountTurn></PaneFrame>
              </Panel>
            </Fragment>
          ))}
        </Group>
      </div>
      <StatusBar onOpen={setPanel} onRetry={() => session.sync.requestSync()} />
      {panel && <SyncPanels panel={panel} onClose={() => setPanel(null)} onChanged={() => session.sync.requestSync()} />}
      {palette && <CommandPalette actions={actions} onClose={() => setPalette(false)} onOpenTicket={(id, desk) => openTicketIn(desk, id)} />}
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  );
}
