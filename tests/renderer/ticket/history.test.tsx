// The audit history comes from the server when online; offline the agent reads a plain sentence.
// `services.api` is replaced by a small stand-in for the network here.
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../renderer/i18n/format';
import { OfflineError } from '../../../renderer/sync/api';
import { makeConsole } from '../console-fixture';
import { openPane, pick, resetStores } from './ticket-fixture';

function history(pane: HTMLElement): HTMLElement {
  return within(pane).getByRole('heading', { name: 'History' }).closest('section') as HTMLElement;
}

describe('history', () => {
  beforeEach(resetStores);

  it('shows the entries the server returns', async () => {
    const user = userEvent.setup();
    const { services, demo, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const asked: string[] = [];
    const api = {
      ...services.api,
      history: async (ticketId: string) => {
        asked.push(ticketId);
        return {
          entries: [
            { at: '2026-11-20T08:00:00.000Z', agentId: actor.id, mutation: 'ticket.assign', outcome: 'applied', before: { assigneeId: null }, after: { assigneeId: actor.id } },
            { at: '2026-11-20T09:00:00.000Z', agentId: actor.id, mutation: 'ticket.setStatus', outcome: 'conflict', before: { status: 'open' }, after: { status: 'pending' } },
          ],
        };
      },
    };
    const { pane } = await openPane(ticket, { ...services, api });
    await user.click(within(history(pane)).getByRole('button', { name: 'Show history' }));

    await within(history(pane)).findByText(`Assignee: — → ${actor.name}`);
    expect(within(history(pane)).getByText('Status: Open → Pending')).toBeTruthy();
    expect(within(history(pane)).getByText('assigned')).toBeTruthy();
    expect(within(history(pane)).getByText('conflict')).toBeTruthy();
    expect(asked).toEqual([ticket.id]);
    expect(within(history(pane)).queryByText(/available online only/)).toBeNull();
  });

  it('tells an SLA change and a requester edit in words and local times, never as JSON', async () => {
    const user = userEvent.setup();
    const { services, demo, actor } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const sla = { firstResponseDueAt: '2026-11-20T10:00:00.000Z', resolutionDueAt: '2026-11-21T16:00:00.000Z', firstResponseAt: '2026-11-20T08:30:00.000Z', resolvedAt: null };
    const api = {
      ...services.api,
      history: async () => ({
        entries: [
          {
            at: '2026-11-20T09:00:00.000Z', agentId: actor.id, mutation: 'ticket.setStatus', outcome: 'applied',
            before: { status: 'open', sla: { ...sla, pauses: [] } },
            after: { status: 'pending', sla: { ...sla, resolutionDueAt: '2026-11-23T12:00:00.000Z', pauses: [{ from: '2026-11-20T09:00:00.000Z', to: null }] } },
          },
          {
            at: '2026-11-20T09:30:00.000Z', agentId: actor.id, mutation: 'ticket.update', outcome: 'applied',
            before: { requester: { kind: 'employee', name: 'Eva Malá', email: 'eva@example.com' } },
            after: { requester: { kind: 'employee', name: 'Eva Malá', email: 'eva.mala@example.com' } },
          },
        ],
      }),
    };
    const { pane } = await openPane(ticket, { ...services, api });
    await user.click(within(history(pane)).getByRole('button', { name: 'Show history' }));
    const section = history(pane);
    await within(section).findByText('Status: Open → Pending');
    const when = (iso: string) => formatDateTime(iso, 'en');

    expect(within(section).getByText(`SLA · resolution due: ${when('2026-11-21T16:00:00.000Z')} → ${when('2026-11-23T12:00:00.000Z')}`)).toBeTruthy();
    expect(within(section).getByText(`SLA · clock: running → paused since ${when('2026-11-20T09:00:00.000Z')}`)).toBeTruthy();
    expect(within(section).getByText('Requester · email: eva@example.com → eva.mala@example.com')).toBeTruthy();
    // Only the parts that changed: the unchanged due time and the unchanged name say nothing.
    expect(within(section).queryByText(/first response due/)).toBeNull();
    expect(within(section).queryByText(/name:/)).toBeNull();
    const changes = [...section.querySelectorAll('.sb-history__changes li')].map((li) => li.textContent ?? '');
    expect(changes).toHaveLength(4);
    expect(changes.filter((text) => text.includes('{"') || text.includes('":'))).toEqual([]);
  });

  it('says the history is available online when the request fails', async () => {
    const user = userEvent.setup();
    const { services, demo } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.status === 'open', 'open ticket');
    const api = { ...services.api, history: async (): Promise<{ entries: unknown[] }> => { throw new OfflineError('no route'); } };
    const { pane } = await openPane(ticket, { ...services, api });
    await user.click(within(history(pane)).getByRole('button', { name: 'Show history' }));
    expect(await within(history(pane)).findByText('The history is available online only. Try again when the console is connected.')).toBeTruthy();
    expect(within(history(pane)).getByRole('button', { name: 'Refresh history' })).toBeTruthy();
  });
});
