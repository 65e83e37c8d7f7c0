// The header and the requester card of each desk, and the landmark that names the ticket.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HelpTicket, ServiceTicket } from '../../../shared/schemas/ticket';
import { TicketPane } from '../../../renderer/ticket/TicketPane';
import { makeConsole, renderInConsole } from '../console-fixture';
import { openPane, pick, resetStores } from './ticket-fixture';

function fact(pane: HTMLElement, label: string): string {
  const facts = pane.querySelector('dl[aria-label="Ticket facts"]');
  const term = [...(facts?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent === label);
  return term?.nextElementSibling?.textContent ?? '';
}

function cardValue(pane: HTMLElement, label: string): string {
  const term = within(pane).getAllByText(label, { selector: 'dt' })[0];
  return term?.nextElementSibling?.textContent ?? '';
}

describe('ticket header', () => {
  beforeEach(resetStores);

  it('shows a Service Desk ticket with the employee, organisation and affected service', async () => {
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && t.service !== null && t.requester.department !== null, 'open service ticket') as ServiceTicket;
    const { pane } = await openPane(ticket, services);

    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe(`${ticket.key} ${ticket.subject}`);
    expect(fact(pane, 'Desk')).toBe('Service Desk');
    expect(fact(pane, 'Status')).toBe('Open');
    expect(fact(pane, 'Priority')).toContain(ticket.priority);
    const typeNames: Record<string, string> = {
      incident: 'Incident', service_request: 'Service request', access_request: 'Access request', training_request: 'Training request', monitoring_alert: 'Monitoring alert',
    };
    expect(fact(pane, 'Type')).toBe(typeNames[ticket.type]);
    const assignee = ticket.assigneeId ? demo.agents.find((a) => a.id === ticket.assigneeId)!.name : 'Unassigned';
    expect(fact(pane, 'Assignee')).toBe(assignee);

    await within(pane).findByRole('heading', { name: 'Requester (employee)' });
    const organization = demo.organizations.find((o) => o.id === ticket.requester.organizationId)!;
    expect(await within(pane).findByText(organization.name)).toBeTruthy();
    expect(cardValue(pane, 'Name')).toBe(ticket.requester.name);
    expect(cardValue(pane, 'Department')).toBe(ticket.requester.department);
    expect(cardValue(pane, 'Location')).toBe(ticket.requester.location ?? 'not given');
    expect(cardValue(pane, 'Affected service')).toBe(ticket.service);
    // The Service Desk's impact × urgency picker, not the Help Desk's plain priority select.
    expect(within(pane).getByLabelText('Impact')).toBeTruthy();
    expect(within(pane).getByLabelText('Urgency')).toBeTruthy();
    expect(within(pane).queryByRole('heading', { name: 'Customer' })).toBeNull();
  });

  it('shows a Help Desk ticket with the customer account, tier, contract and product', async () => {
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'help' && t.status === 'open' && t.product !== null, 'open help ticket') as HelpTicket;
    const { pane } = await openPane(ticket, services);

    expect(fact(pane, 'Desk')).toBe('Help Desk');
    expect(fact(pane, 'Status')).toBe('Open');
    await within(pane).findByRole('heading', { name: 'Customer' });
    expect(cardValue(pane, 'Name')).toBe(ticket.requester.name);
    expect(cardValue(pane, 'Account number')).toBe(ticket.requester.accountNumber);
    expect(cardValue(pane, 'Tier')).toBe({ standard: 'Standard', gold: 'Gold', platinum: 'Platinum' }[ticket.requester.tier]);
    expect(cardValue(pane, 'Contract')).toBe(ticket.requester.contract ?? 'not given');
    expect(cardValue(pane, 'Product')).toBe(ticket.product);
    expect(within(pane).queryByLabelText('Impact')).toBeNull();
    expect((within(pane).getByRole('combobox', { name: 'Priority' }) as HTMLSelectElement).value).toBe(ticket.priority);
  });

  it('names a ticket made offline "Ticket (new)" and follows the cache as it changes', async () => {
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'new', 'new service ticket');
    await db.tickets.put({ ...ticket, key: null });
    renderInConsole(<TicketPane ticketId={ticket.id} />, services);
    const pane = await screen.findByRole('region', { name: 'Ticket (new)' });
    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe(`(new) ${ticket.subject}`);

    // The server's key arrives with a pull: the landmark and the heading follow without a reload.
    await db.tickets.put({ ...ticket, subject: 'Renamed on the server', version: ticket.version + 1 });
    expect(await screen.findByRole('region', { name: `Ticket ${ticket.key}` })).toBe(pane);
    expect(await within(pane).findByText('Renamed on the server')).toBeTruthy();
  });

  it('says so when the ticket is not in the cache', async () => {
    const { services } = await makeConsole();
    renderInConsole(<TicketPane ticketId="0190a000-0000-7000-8000-000000000000" />, services);
    expect(await screen.findByText(/not in the offline cache/)).toBeTruthy();
  });
});
