// The queue grid as an agent reads it: each desk's columns, sorting by a column header, and the quick
// filter (case- and diacritics-insensitive).
import { act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HelpTicket, ServiceTicket } from '../../../shared/schemas/ticket';
import { i18next } from '../../../renderer/i18n';
import { formatDateTime } from '../../../renderer/i18n/format';
import { cellTexts, columnHeader, columnNames, dataRows, openTickets, rowKey, slaState, sortButton, statusText, resetUi, setGridViewport, setup, visibleKeys, waitForRows } from './queue-helpers';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

beforeEach(() => {
  // Tall enough for every open ticket of the 200-ticket fixture to be on screen.
  setGridViewport(5000);
  resetUi();
});

describe('queue columns', () => {
  it('shows the Service Desk columns and an employee ticket in them', async () => {
    const { region, demo, actor } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service') as ServiceTicket[];
    await waitForRows(region, open.length);

    const headers = columnNames(region);
    expect(headers).toEqual(['Key', 'Priority', 'Type', 'Organisation', 'Service', 'Requester', 'SLA', 'Assignee', 'Updated']);

    // A ticket assigned to the agent, with everything the row should say about it.
    const mine = open.find((t) => t.assigneeId === actor.id)!;
    const row = dataRows(region).find((r) => cellTexts(r)[0] === mine.key)!;
    const cells = cellTexts(row);
    const org = demo.organizations.find((o) => o.id === mine.organizationId)!;
    expect(cells[1]).toBe(mine.priority);
    expect(cells[3]).toBe(org.name);
    expect(cells[4]).toBe(mine.service ?? '');
    expect(cells[5]).toBe(mine.requester.name);
    expect(cells[7]).toBe('Jana Nováková');
    expect(cells[8]).toMatch(/ago|yesterday|hour|minute|day/);
  });

  it('says each SLA state in words beside the countdown, and the exact times in tooltips', async () => {
    const { region, demo } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service');
    await waitForRows(region, open.length);
    const seen = new Set<string>();
    for (const ticket of open) {
      const row = dataRows(region).find((r) => rowKey(r) === ticket.key)!;
      const [sla, , updated] = [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')].slice(-3);
      const clock = slaState(ticket, demo.organizations);
      const state = clock.state === 'breached' ? 'breached' : clock.paused ? 'paused' : clock.state;
      seen.add(state);
      const shape = { breached: /^-\d+:\d\d breached$/, paused: /^paused$/, at_risk: /^\d+:\d\d at risk$/, ok: /^\d+:\d\d$/ }[state];
      expect(sla!.textContent, `${ticket.key} (${state})`).toMatch(shape);
      expect(sla!.title).toMatch(state === 'breached' ? /^Resolution target breached \d+:\d\d ago/ : state === 'paused' ? /^Resolution clock paused, \d+:\d\d left$/ : /^Resolution due in \d+:\d\d/);
      expect(updated!.title).toBe(formatDateTime(ticket.updatedAt, 'en'));
    }
    // The fixture holds tickets in time, breached and waiting on their requester.
    expect([...seen]).toEqual(expect.arrayContaining(['ok', 'breached', 'paused']));
  });

  it('shows the Help Desk columns with customer, account, product and channel', async () => {
    const { region, demo } = await setup({ desk: 'help' });
    const open = openTickets(demo.tickets, 'help') as HelpTicket[];
    await waitForRows(region, open.length);

    const headers = columnNames(region);
    expect(headers).toEqual(['Key', 'Priority', 'Type', 'Customer', 'Account', 'Product', 'Channel', 'SLA', 'Assignee', 'Updated']);

    const ticket = open.find((t) => t.assigneeId === null) ?? open[0]!;
    const row = dataRows(region).find((r) => cellTexts(r)[0] === ticket.key)!;
    const cells = cellTexts(row);
    expect(cells[3]).toBe(ticket.requester.name);
    expect(cells[4]).toBe(ticket.requester.accountNumber);
    expect(cells[5]).toBe(ticket.product ?? '');
    const channels = { phone: 'Phone', email: 'Email', web_form: 'Web form', chat: 'Chat' };
    expect(cells[6]).toBe(channels[ticket.channel]);
    if (ticket.assigneeId === null) expect(cells[8]).toBe('unassigned');
    // Only open tickets are queued: no resolved or closed key shows up.
    expect(visibleKeys(region).sort()).toEqual(open.map((t) => t.key).sort());
  });

  it('names the pane as a landmark and labels the grid', async () => {
    const { region, demo } = await setup({ desk: 'help' });
    await waitForRows(region, openTickets(demo.tickets, 'help').length);
    expect(within(region).getByRole('grid', { name: 'Help Desk tickets' })).toBeTruthy();
    expect(within(region).getByRole('searchbox', { name: 'Filter tickets' })).toBeTruthy();
  });
});

describe('language', () => {
  it('speaks Czech when the agent switches, counts and all', async () => {
    const { region, demo } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service');
    await waitForRows(region, open.length);
    await act(async () => {
      await i18next.changeLanguage('cs');
    });
    try {
      expect(columnNames(region)).toEqual(['Klíč', 'Priorita', 'Typ', 'Organizace', 'Služba', 'Žadatel', 'SLA', 'Řešitel', 'Změněno']);
      const select = within(region).getByLabelText('Pohled') as HTMLSelectElement;
      expect([...select.options].map((o) => o.text)).toContain(`Všechny otevřené (${open.length})`);
      expect(within(region).getByLabelText('Filtrovat tikety')).toBeTruthy();
      expect(statusText(region)).toContain(`${open.length} tiketů`);
      const incident = open.find((t) => t.type === 'incident')!;
      expect(cellTexts(dataRows(region).find((r) => cellTexts(r)[0] === incident.key)!)[2]).toBe('Incident');
      const access = open.find((t) => t.type === 'access_request')!;
      expect(cellTexts(dataRows(region).find((r) => cellTexts(r)[0] === access.key)!)[2]).toBe('Žádost o přístup');
    } finally {
      await act(async () => {
        await i18next.changeLanguage('en');
      });
    }
  });
});

describe('sorting', () => {
  it('sorts by a clicked column, then reverses on a second click', async () => {
    const user = userEvent.setup();
    const { region, demo } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service');
    await waitForRows(region, open.length);
    const keyNumber = (key: string) => Number(key.split('-')[1]);

    const priorityHeader = columnHeader(region, 'Priority');
    const prioritySort = sortButton(region, 'Priority');
    expect(priorityHeader.getAttribute('aria-sort')).toBe('none');
    await user.click(prioritySort);
    expect(priorityHeader.getAttribute('aria-sort')).toBe('ascending');
    // Ties keep the key order.
    const ascending = [...open].sort((a, b) => a.priority.localeCompare(b.priority) || keyNumber(a.key!) - keyNumber(b.key!)).map((t) => t.key);
    expect(visibleKeys(region)).toEqual(ascending);

    await user.click(prioritySort);
    expect(priorityHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = [...open].sort((a, b) => b.priority.localeCompare(a.priority) || keyNumber(a.key!) - keyNumber(b.key!)).map((t) => t.key);
    expect(visibleKeys(region)).toEqual(descending);
  });

  it('sorts requesters alphabetically, insensitive to diacritics', async () => {
    const user = userEvent.setup();
    const { region, demo } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service');
    await waitForRows(region, open.length);

    await user.click(sortButton(region, 'Requester'));
    const names = dataRows(region).map((r) => fold(cellTexts(r)[5]!));
    expect(names).toEqual([...names].sort());
    expect(names.length).toBe(open.length);
  });
});

describe('quick filter', () => {
  it('finds Novák when the agent types novak, and matches keys and organisations', async () => {
    const user = userEvent.setup();
    const { region, demo } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service');
    await waitForRows(region, open.length);
    const filter = within(region).getByLabelText('Filter tickets');

    await user.type(filter, 'novak');
    const novak = open.filter((t) => fold(`${t.key} ${t.subject} ${t.requester.name}`).includes('novak'));
    expect(novak.length).toBeGreaterThan(0);
    expect(novak.some((t) => t.requester.name.includes('Novák'))).toBe(true);
    await waitFor(() => expect(visibleKeys(region).sort()).toEqual(novak.map((t) => t.key).sort()));

    // Upper case and another field: an organisation's name with its diacritics left out.
    const org = demo.organizations.find((o) => o.name.startsWith('Pivovar Černý'))!;
    await user.clear(filter);
    await user.type(filter, 'PIVOVAR CERNY');
    const brewery = open.filter((t) => t.organizationId === org.id);
    await waitFor(() => expect(visibleKeys(region).sort()).toEqual(brewery.map((t) => t.key).sort()));

    await user.clear(filter);
    const one = open[3]!;
    await user.type(filter, one.key!.toLowerCase());
    await waitFor(() => expect(visibleKeys(region)).toContain(one.key));
    expect(visibleKeys(region).every((k) => k.startsWith(one.key!))).toBe(true);
  });

  it('finds Help Desk customers by account number, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const { region, demo } = await setup({ desk: 'help' });
    const open = openTickets(demo.tickets, 'help') as HelpTicket[];
    await waitForRows(region, open.length);
    const filter = within(region).getByLabelText('Filter tickets');

    const target = open[0]!;
    await user.type(filter, target.requester.accountNumber);
    const expected = open.filter((t) => t.requester.accountNumber.includes(target.requester.accountNumber) || t.subject.includes(target.requester.accountNumber));
    await waitFor(() => expect(visibleKeys(region).sort()).toEqual(expected.map((t) => t.key).sort()));

    await user.clear(filter);
    await user.type(filter, 'zzzz-no-such-thing');
    await waitFor(() => expect(within(region).getByText('No tickets match the filter')).toBeTruthy());
    await act(async () => {
      await user.keyboard('{Escape}');
    });
    await waitFor(() => expect(dataRows(region).length).toBe(open.length));
  });
});
