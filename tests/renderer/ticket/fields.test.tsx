// Editing subject, category and tags: only changed fields travel, on the version the agent saw.
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeConsole } from '../console-fixture';
import { openPane, pendingMutations, pick, resetStores } from './ticket-fixture';

describe('field edits', () => {
  beforeEach(resetStores);

  it('queues ticket.update with the changed fields and shows them', async () => {
    const user = userEvent.setup();
    const { services, demo, db } = await makeConsole();
    const ticket = pick(demo.tickets, (t) => t.desk === 'help' && t.status === 'open' && t.category !== null, 'open help ticket');
    const { pane } = await openPane(ticket, services);

    await user.click(within(pane).getByRole('button', { name: 'Edit details' }));
    const subject = within(pane).getByLabelText('Subject');
    await user.clear(subject);
    await user.click(within(pane).getByRole('button', { name: 'Save details' }));
    expect(within(pane).getByRole('alert').textContent).toContain('subject cannot be empty');
    expect(await pendingMutations(services)).toEqual([]);

    await user.type(subject, 'Smart meter sends no readings');
    const tags = within(pane).getByLabelText('Tags');
    await user.clear(tags);
    await user.type(tags, 'meter, smart-meter , ,meter');
    await user.click(within(pane).getByRole('button', { name: 'Save details' }));

    const [entry] = await pendingMutations(services);
    expect(entry?.name).toBe('ticket.update');
    expect(entry?.args).toEqual({
      ticketId: ticket.id,
      baseVersion: ticket.version,
      fields: { subject: 'Smart meter sends no readings', tags: ['meter', 'smart-meter'] },
    });
    await waitFor(() => expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe(`${ticket.key} Smart meter sends no readings`));
    expect(within(pane).getByText('smart-meter')).toBeTruthy();
    expect((await db.tickets.get(ticket.id))?.tags).toEqual(['meter', 'smart-meter']);
  });
});
