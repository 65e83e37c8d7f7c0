// Saved views: the built-in views list the right tickets with the right counts, counts follow changes to
// the cache as they happen, say "(partial)" during the bootstrap, and the agent's own views persist.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { QueuePane } from '../../../renderer/queues/QueuePane';
import { renderInConsole } from '../console-fixture';
import {
  DESK_NAME, columnHeader, expectedViews, isOpen, sortButton, statusText, keysOf, openTickets, resetUi, setGridViewport, setup, viewOption, viewSelect, visibleKeys, waitForRows,
} from './queue-helpers';

beforeEach(() => {
  setGridViewport(5000);
  resetUi();
});

describe.each(['service', 'help'] as const)('built-in views of the %s desk', (desk) => {
  it('list exactly the tickets each view stands for, with matching counts', async () => {
    const user = userEvent.setup();
    const { region, demo, actor } = await setup({ desk });
    const expected = expectedViews(demo.tickets, desk, actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);

    // The fixture has tickets in most views (an empty view would prove little).
    expect(expected['Unassigned'].length).toBeGreaterThan(0);
    expect(expected['My groups'].length).toBeGreaterThan(0);
    expect(expected['SLA at risk'].length).toBeGreaterThan(0);
    expect(expected['Pending'].length).toBeGreaterThan(0);

    for (const [name, tickets] of Object.entries(expected)) {
      const option = viewOption(region, name);
      expect(option.text, name).toBe(`${name} (${tickets.length})`);
      await user.selectOptions(viewSelect(region), option.value);
      await waitFor(() => expect(visibleKeys(region).sort(), name).toEqual(keysOf(tickets)));
    }
  });
});

describe('live counts', () => {
  it('follow a change made through the outbox at once', async () => {
    const { region, demo, actor, services } = await setup({ desk: 'service' });
    const expected = expectedViews(demo.tickets, 'service', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);
    const mine = expected['Mine'].length;
    const unassigned = expected['Unassigned'].length;
    expect(viewOption(region, 'Mine').count).toBe(mine);

    const ticket = expected['Unassigned'][0]!;
    await act(async () => {
      await services.change('ticket.assign', { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null });
    });
    await waitFor(() => expect(viewOption(region, 'Mine').count).toBe(mine + 1));
    expect(viewOption(region, 'Unassigned').count).toBe(unassigned - 1);

    // Resolving takes the ticket out of every open view.
    await act(async () => {
      await services.change('ticket.setStatus', { ticketId: ticket.id, status: 'resolved', expectedStatus: ticket.status, resolution: 'Fixed' });
    });
    await waitFor(() => expect(viewOption(region, 'Mine').count).toBe(mine));
    expect(viewOption(region, 'All open').count).toBe(expected['All open'].length - 1);
    expect(visibleKeys(region)).not.toContain(ticket.key);
  });

  it('follow rows written straight into the cache, as the sync engine does, in bulk too', async () => {
    const { region, demo, actor, db } = await setup({ desk: 'help' });
    const expected = expectedViews(demo.tickets, 'help', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);

    // One row: named by its key in Dexie's change notice.
    const one = expected['All open'][0]!;
    await act(async () => {
      await db.tickets.put({ ...one, status: 'pending', sla: { ...one.sla, pauses: [...one.sla.pauses, { from: '2026-11-20T09:00:00.000Z', to: null }] } });
    });
    const pendingBefore = expected['Pending'].length + (one.status === 'pending' ? 0 : 1);
    await waitFor(() => expect(viewOption(region, 'Pending').count).toBe(pendingBefore));

    // A bulk write of 50 rows or more (a pulled page) names no keys: the queue reloads instead.
    const reopened = demo.tickets.filter((t) => t.desk === 'help' && !isOpen(t)).slice(0, 40);
    const otherDesk = demo.tickets.filter((t) => t.desk === 'service' && !isOpen(t)).slice(0, 30);
    expect(reopened.length).toBe(40);
    await act(async () => {
      await db.tickets.bulkPut([...reopened, ...otherDesk].map((t) => ({ ...t, status: 'open' as const, assigneeId: null, sla: { ...t.sla, resolvedAt: null } })));
    });
    await waitFor(() => expect(viewOption(region, 'All open').count).toBe(expected['All open'].length + 40), { timeout: 5000 });
    expect(viewOption(region, 'Unassigned').count).toBe(expected['Unassigned'].length + 40);
    await waitFor(() => expect(visibleKeys(region)).toEqual(expect.arrayContaining(reopened.map((t) => t.key))));
  });

  it('say "(partial)" until the bootstrap is done', async () => {
    const { region, demo, actor, db } = await setup({ desk: 'service', bootstrapped: false });
    const expected = expectedViews(demo.tickets, 'service', actor, demo.organizations);
    await waitFor(() => expect(viewOption(region, 'All open').text).toBe(`All open (${expected['All open'].length}) (partial)`));
    expect(statusText(region)).toContain('Counts are partial');

    await act(async () => {
      await db.meta.put({ key: 'bootstrapped', value: true });
    });
    await waitFor(() => expect(viewOption(region, 'All open').text).toBe(`All open (${expected['All open'].length})`));
    expect(statusText(region)).not.toContain('partial');
  });
});

describe('views the agent saves', () => {
  it('keeps a filter and sort under a name, counts it, and finds it again after a restart', async () => {
    const user = userEvent.setup();
    const { region, demo, actor, services, db } = await setup({ desk: 'service' });
    const open = openTickets(demo.tickets, 'service');
    await waitForRows(region, open.length);

    const org = demo.organizations.find((o) => o.name.startsWith('Moravská logistika'))!;
    const expected = open.filter((t) => t.organizationId === org.id);
    expect(expected.length).toBeGreaterThan(0);

    await user.click(sortButton(region, 'Updated'));
    await user.type(within(region).getByLabelText('Filter tickets'), 'moravska');
    await user.click(within(region).getByText('Save view', { selector: 'button' }));
    const name = within(region).getByLabelText('Name of the view');
    await user.clear(name);
    await user.type(name, 'Moravian logistics{Enter}');

    await waitFor(() => expect(viewOption(region, 'Moravian logistics').count).toBe(expected.length));
    expect(viewSelect(region).selectedOptions[0]!.text).toBe(`Moravian logistics (${expected.length})`);

    // Stored for this agent in the cache's meta table.
    const stored = (await db.meta.get(`savedViews:${actor.id}`))?.value as Array<{ name: string; filter: string; sort: unknown }>;
    expect(stored).toEqual([expect.objectContaining({ name: 'Moravian logistics', filter: 'moravska', sort: { column: 'updated', direction: 'descending' } })]);

    // A new console on the same cache: the view is there, and choosing it brings back its filter and sort.
    cleanup();
    renderInConsole(<QueuePane desk="service" />, services);
    const again = screen.getByRole('region', { name: DESK_NAME.service });
    await waitForRows(again, open.length);
    await waitFor(() => expect(viewOption(again, 'Moravian logistics').count).toBe(expected.length));
    await user.selectOptions(viewSelect(again), viewOption(again, 'Moravian logistics').value);
    expect((within(again).getByLabelText('Filter tickets') as HTMLInputElement).value).toBe('moravska');
    expect(columnHeader(again, 'Updated').getAttribute('aria-sort')).toBe('descending');
    const newestFirst = [...expected].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || Number(a.key!.slice(3)) - Number(b.key!.slice(3)));
    await waitFor(() => expect(visibleKeys(again)).toEqual(newestFirst.map((t) => t.key)));

    // Deleting it goes back to the view it narrowed.
    await user.click(within(again).getByText('Delete view', { selector: 'button' }));
    await waitFor(() => expect([...viewSelect(again).options].some((o) => o.text.startsWith('Moravian'))).toBe(false));
  });
});
