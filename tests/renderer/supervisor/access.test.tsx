// Only supervisors and admins get the supervisor tools: agents and field techs see a plain note and no
// control at all. The tabs follow the WAI-ARIA tab pattern, and every string comes from the "supervisor"
// namespace in both languages: no raw key ever shows.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/i18n';
import { supervisorMessages } from '../../../renderer/supervisor/messages';
import { useSupervisorStore } from '../../../renderer/supervisor/supervisor-store';
import { makeConsole } from '../console-fixture';
import { openSupervisor, resetSupervisorStore } from './supervisor-fixture';

function leaves(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as Record<string, unknown>, `${prefix}${k}.`)));
}

const SECTIONS = Object.keys(supervisorMessages.en).filter((k) => typeof (supervisorMessages.en as Record<string, unknown>)[k] === 'object');
const RAW_KEY = new RegExp(`\\b(${SECTIONS.join('|')})\\.[a-zA-Z_]+`);

/** Each text node and each accessible-name attribute on its own. */
function texts(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node.textContent ?? '');
  for (const el of root.querySelectorAll('[aria-label]')) out.push(el.getAttribute('aria-label') ?? '');
  return out;
}

describe('who gets the supervisor tools', () => {
  beforeEach(resetSupervisorStore);

  it.each(['agent@example.com', 'tech@example.com'])('%s sees a note and no tool', async (email) => {
    const { services } = await makeConsole({ email });
    const { pane } = await openSupervisor(services);
    expect(pane.textContent).toBe('The roster, the workload board and the shift handover are for supervisors and admins.');
    expect(within(pane).queryByRole('tablist')).toBeNull();
    expect(within(pane).queryAllByRole('combobox')).toEqual([]);
    expect(within(pane).queryAllByRole('button')).toEqual([]);
  });

  it('an admin gets the tools; the tabs switch by click and by arrow keys', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services } = await makeConsole({ email: 'admin@example.com' });
    const { pane } = await openSupervisor(services);
    const tabs = within(pane).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Roster', 'Workload', 'Handover']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    expect(within(pane).getByRole('tabpanel', { name: 'Roster' })).toBeTruthy();

    await user.click(within(pane).getByRole('tab', { name: 'Handover' }));
    expect(await within(pane).findByRole('tabpanel', { name: 'Handover' })).toBeTruthy();
    expect(within(pane).getByRole('form', { name: 'Shift handover' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(useSupervisorStore.getState().tab).toBe('roster');
    expect(document.activeElement).toBe(within(pane).getByRole('tab', { name: 'Roster' }));
    await user.keyboard('{ArrowLeft}');
    expect(useSupervisorStore.getState().tab).toBe('handover');
  });
});

describe('supervisor strings', () => {
  beforeEach(resetSupervisorStore);
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'));
  });

  it('has a Czech string for every English one, plural forms aside', () => {
    const base = (key: string) => key.replace(/_(one|few|many|other)$/, '');
    const cs = new Set(leaves(supervisorMessages.cs).map(base));
    expect(leaves(supervisorMessages.en).map(base).filter((k) => !cs.has(k))).toEqual([]);
  });

  it.each([['cs', 'roster'], ['cs', 'workload'], ['cs', 'handover'], ['en', 'workload']] as const)('renders in %s on the %s tab without a raw key or an unnamed control', async (language, tab) => {
    await act(() => i18next.changeLanguage(language));
    const { services } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, tab);
    const panel = within(pane).getByRole('tabpanel');
    await waitFor(() => expect(panel.querySelectorAll('tbody tr').length).toBeGreaterThan(5));
    expect(texts(pane).filter((text) => RAW_KEY.test(text))).toEqual([]);
    const unnamed = [...pane.querySelectorAll('select, input, textarea')].filter((el) =>
      !el.getAttribute('aria-label') && !(el.id && pane.querySelector(`label[for="${el.id}"]`)) && !el.closest('label'));
    expect(unnamed).toEqual([]);
    if (language === 'cs') expect(screen.getByRole('tab', { name: { roster: 'Rozpis směn', workload: 'Vytížení', handover: 'Předání směny' }[tab] })).toBeTruthy();
  });
});
