// The supervisor's pane: roster, workload board and shift handover, as tabs of one landmark region.
// Only supervisors and admins get the tools (the server refuses everyone else anyway); others see a
// plain note instead, so a pane placed in a shared layout never shows controls that would fail.
import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRun } from '../../shared/rules/permissions';
import { useConsole } from '../app/console-context';
import { HandoverWizard } from './HandoverWizard';
import { RosterTab } from './RosterTab';
import { SUPERVISOR_TABS, useSupervisorStore, type SupervisorTab } from './supervisor-store';
import { WorkloadTab } from './WorkloadTab';
import './supervisor.css';

export function SupervisorPane() {
  const { t } = useTranslation('supervisor');
  const { actor } = useConsole();
  const allowed = mayRun(actor, 'shift.handover');
  return (
    <section role="region" aria-label={t('pane.label')} className="sb-sup">
      {allowed ? <SupervisorTabs /> : <p className="sb-sup__note">{t('pane.notAllowed')}</p>}
    </section>
  );
}

function SupervisorTabs() {
  const { t } = useTranslation('supervisor');
  const tab = useSupervisorStore((s) => s.tab);
  const setTab = useSupervisorStore((s) => s.setTab);
  const buttons = useRef(new Map<SupervisorTab, HTMLButtonElement>());
  const id = useId();

  // The tab pattern of WAI-ARIA: arrows move between tabs, Home and End jump to the ends.
  function onKeyDown(event: KeyboardEvent) {
    const at = SUPERVISOR_TABS.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: SUPERVISOR_TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = SUPERVISOR_TABS[(to + SUPERVISOR_TABS.length) % SUPERVISOR_TABS.length] as SupervisorTab;
    setTab(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <>
      <div role="tablist" aria-label={t('pane.tabs')} className="sb-sup__tabs" onKeyDown={onKeyDown}>
        {SUPERVISOR_TABS.map((name) => (
          <button
            key={name}
            ref={(el) => { if (el) buttons.current.set(name, el); else buttons.current.delete(name); }}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-controls={tab === name ? `${id}-panel` : undefined}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            className="sb-sup__tab"
            onClick={() => setTab(name)}
          >
            {t(`tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="sb-sup__panel" tabIndex={0}>
        {tab === 'roster' ? <RosterTab /> : tab === 'workload' ? <WorkloadTab /> : <HandoverWizard />}
      </div>
    </>
  );
}
