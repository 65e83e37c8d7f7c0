// The worklog form: minutes, note and on-site flag become a worklog.add that started `minutes` ago.
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_NOW, makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

function worklogs(pane: HTMLElement): HTMLElement {
  return within(pane).getByRole('heading', { name: 'Worklogs' }).closest('section') as HTMLElement;
}

describe('worklogs', () => {
  beforeEach(resetStores);

  it('logs work through the outbox and lists it', async () => {
    const user = userEvent.setup();
    const { services, demo, db, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && !demo.worklogs.some((w) => w.ticketId === t.id), 'open ticket without worklogs');
    const { pane } = await openPane(ticket, services);
    const section = worklogs(pane);
    expect(await within(section).findByText('No work logged yet.')).toBeTruthy();

    await user.type(within(section).getByLabelText('Minutes'), '45');
    await user.type(within(section).getByLabelText('Work note'), 'Replaced the docking station');
    await user.click(within(section).getByRole('checkbox', { name: 'On site' }));
    await user.click(within(section).getByRole('button', { name: 'Log work' }));

    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('worklog.add');
    const args = entry?.args as { id: string };
    expect(args).toEqual({
      id: args.id,
      ticketId: ticket.id,
      minutes: 45,
      note: 'Replaced the docking station',
      onSite: true,
      startedAt: new Date(FIXTURE_NOW.getTime() - 45 * 60_000).toISOString(),
    });
    expect(await db.worklogs.get(args.id)).toMatchObject({ agentId: actor.id, minutes: 45, onSite: true });
    await within(section).findByText('45 min');
    expect(within(section).getByText('on site', { selector: '.sb-badge', exact: false })).toBeTruthy();
    expect(within(section).getByText('Total: 45 minutes')).toBeTruthy();
    await waitFor(() => expect((within(section).getByLabelText('Minutes') as HTMLInputElement).value).toBe(''));
  });

  it('refuses minutes out of range', async () => {
    const user = userEvent.setup();
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const { pane } = await openPane(ticket, services);
    const section = worklogs(pane);
    await user.type(within(section).getByLabelText('Minutes'), '0');
    await user.click(within(section).getByRole('button', { name: 'Log work' }));
    expect(within(section).getByRole('alert').textContent).toContain('from 1 to 1440');
    expect(await pendingMutations(services)).toEqual([]);
  });
});
