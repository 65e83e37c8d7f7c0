// The workload board: each agent's open tickets by desk and priority, SLA at risk and breached, against
// capacity; each desk's unassigned queue and what breaches within the hour; the charts' numbers (shown as
// tables where there is no canvas). Every expected figure is worked out here from the demo data with the
// shared SLA clock, independently of the board's own code; and the board follows a change live.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, calendarFor, slaClock } from '../../../shared/rules/sla';
import type { Agent } from '../../../shared/schemas/entities';
import type { Ticket } from '../../../shared/schemas/ticket';
import { FIXTURE_NOW, makeConsole } from '../console-fixture';
import { openSupervisor, openTickets, resetSupervisorStore } from './supervisor-fixture';

const HOUR = 3_600_000;
const NOW = FIXTURE_NOW.toISOString();

type Demo = Awaited<ReturnType<typeof makeConsole>>['demo'];

function clockOf(demo: Demo, t: Ticket) {
  const zone = demo.organizations.find((o) => o.id === t.organizationId)?.timeZone ?? 'Europe/Prague';
  return slaClock({
    calendar: calendarFor(t.desk, zone), startedAt: t.createdAt, targetMinutes: DEFAULT_SLA_POLICY[t.desk][t.priority].resolutionMinutes,
    pauses: t.sla.pauses, now: NOW, stoppedAt: t.sla.resolvedAt,
  });
}

/** The figures of one agent's row, from the demo data. */
function expectedRow(demo: Demo, agent: Agent) {
  const mine = openTickets(demo.tickets).filter((t) => t.assigneeId === agent.id);
  const count = (test: (t: Ticket) => boolean) => String(mine.filter(test).length);
  return {
    'Open': String(mine.length),
    'Service Desk': count((t) => t.desk === 'service'),
    'Help Desk': count((t) => t.desk === 'help'),
    'P1': count((t) => t.priority === 'P1'),
    'P2': count((t) => t.priority === 'P2'),
    'P3': count((t) => t.priority === 'P3'),
    'P4': count((t) => t.priority === 'P4'),
    'SLA at risk': count((t) => clockOf(demo, t).state === 'at_risk'),
    'SLA breached': count((t) => clockOf(demo, t).state === 'breached'),
    'Capacity': String(agent.capacity),
    'Load': `${mine.length} / ${agent.capacity}`,
  };
}

/** An agent's row of the board as header → cell text. */
function rowOf(table: HTMLElement, name: string): Record<string, string> {
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
  const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.firstChild?.textContent === name);
  if (!row) throw new Error(`No row for ${name}`);
  const cells = [...row.children].map((c) => c.textContent ?? '');
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']).filter(([h]) => h !== 'Agent' && h !== 'Tickets'));
}

describe('the workload board', () => {
  beforeEach(resetSupervisorStore);

  it('shows each agent’s open tickets by desk and priority, SLA risk and load against capacity', async () => {
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'workload');
    const table = await within(pane).findByRole('table', { name: 'Workload per agent' });
    // Agents with work of every kind: the most loaded, someone over capacity, someone with little.
    const loaded = ['Petr Svoboda', 'Tomáš Dvořák', 'Ondřej Marek', 'Lenka Marková', 'Jana Nováková', 'Radek Beneš'];
    for (const name of loaded) {
      const agent = demo.agents.find((a) => a.name === name) as Agent;
      expect({ name, ...rowOf(table, name) }).toEqual({ name, ...expectedRow(demo, agent) });
    }
    // The figures are not all zero: the demo gives this agent work, some of it late.
    const petr = rowOf(table, 'Petr Svoboda');
    expect(Number(petr.Open)).toBeGreaterThan(0);
    expect(Number(petr['SLA breached']) + Number(petr['SLA at risk'])).toBeGreaterThan(0);
    const meter = within(table).getByRole('meter', { name: 'Load of Petr Svoboda' });
    expect(meter.getAttribute('aria-valuetext')).toBe(petr.Load);
  });

  it('shows per desk the unassigned queue and what breaches within the hour, and the SLA risk of the next 8 hours', async () => {
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'workload');
    const open = openTickets(demo.tickets);
    const dueIn = (t: Ticket) => {
      const clock = clockOf(demo, t);
      return clock.paused || clock.dueAt === null ? null : Date.parse(clock.dueAt) - FIXTURE_NOW.getTime();
    };
    for (const [desk, name] of [['service', 'Service Desk'], ['help', 'Help Desk']] as const) {
      const section = await within(pane).findByRole('region', { name });
      const facts = Object.fromEntries([...section.querySelectorAll('dl div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]));
      const ofDesk = open.filter((t) => t.desk === desk);
      const soon = ofDesk.filter((t) => { const ms = dueIn(t); return ms !== null && ms > 0 && ms <= HOUR; });
      expect(facts).toEqual({ 'Open': String(ofDesk.length), 'Unassigned': String(ofDesk.filter((t) => t.assigneeId === null).length), 'Breaching within the hour': String(soon.length) });
      const unassigned = within(section).getByRole('group', { name: `Unassigned tickets of the ${name}` });
      const keys = within(unassigned).queryAllByRole('checkbox').slice(1).map((c) => c.closest('label')?.querySelector('.sb-sup-checklist__key')?.textContent);
      expect([...keys].sort()).toEqual(ofDesk.filter((t) => t.assigneeId === null).map((t) => t.key).sort());
    }

    // Without a canvas (jsdom) the charts are tables of the same numbers.
    const risk = screen.getByRole('table', { name: 'Resolution due in the next 8 hours' });
    const perHour = [...risk.querySelectorAll('tbody tr')].map((tr) => Number(tr.querySelector('td')?.textContent));
    const expected = Array.from({ length: 8 }, (_, h) => open.filter((t) => { const ms = dueIn(t); return ms !== null && ms > h * HOUR && ms <= (h + 1) * HOUR; }).length);
    expect(perHour).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const perAgent = screen.getByRole('table', { name: 'Open tickets per agent' });
    const petrRow = [...perAgent.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === 'Petr Svoboda');
    const petr = demo.agents.find((a) => a.name === 'Petr Svoboda') as Agent;
    expect([...(petrRow?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual([String(open.filter((t) => t.assigneeId === petr.id).length), String(petr.capacity)]);
  });

  it('follows changes live: a ticket assigned to an agent counts on the board at once', async () => {
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'workload');
    const table = await within(pane).findByRole('table', { name: 'Workload per agent' });
    const martin = demo.agents.find((a) => a.name === 'Martin Kučera') as Agent;
    const before = rowOf(table, 'Martin Kučera');
    const ticket = openTickets(demo.tickets).find((t) => t.desk === 'service' && t.assigneeId === null) as Ticket;
    await services.change('ticket.assign', { ticketId: ticket.id, assigneeId: martin.id, expectedAssigneeId: null });
    await waitFor(() => expect(Number(rowOf(table, 'Martin Kučera').Open)).toBe(Number(before.Open) + 1));
    const after = rowOf(table, 'Martin Kučera');
    expect(Number(after['Service Desk'])).toBe(Number(before['Service Desk']) + 1);
    expect(Number(after[ticket.priority])).toBe(Number(before[ticket.priority]) + 1);
    expect(after.Load).toBe(`${Number(before.Open) + 1} / ${martin.capacity}`);
  });

  it('lists an agent’s tickets, most urgent first, for picking', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 }); // large DOM: skip the pointer-events walk
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const { pane } = await openSupervisor(services, 'workload');
    const petr = demo.agents.find((a) => a.name === 'Petr Svoboda') as Agent;
    await user.click(await within(pane).findByRole('button', { name: 'Tickets of Petr Svoboda' }));
    const list = within(pane).getByRole('group', { name: 'Open tickets of Petr Svoboda' });
    const shown = within(list).getAllByRole('checkbox').slice(1).map((c) => c.closest('label')?.querySelector('.sb-sup-checklist__key')?.textContent);
    const mine = openTickets(demo.tickets).filter((t) => t.assigneeId === petr.id);
    expect([...shown].sort()).toEqual(mine.map((t) => t.key).sort());
    const ranks = shown.map((key) => Number(mine.find((t) => t.key === key)?.priority.slice(1)));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
