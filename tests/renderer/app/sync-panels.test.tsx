// The outbox list behind the status bar's pending count: each change with its state, oldest first, and
// after a long day offline only the head of the queue with a count of the rest.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OUTBOX_LISTED, SyncPanels } from '../../../renderer/app/SyncPanels';
import { makeConsole, renderInConsole } from '../console-fixture';

describe('the outbox list', () => {
  it('lists the oldest changes with their state and counts the ones after them', async () => {
    const { services, demo } = await makeConsole({ tickets: 20, articles: 1 });
    const ticket = demo.tickets[0]!;
    const total = OUTBOX_LISTED + 7;
    for (let i = 0; i < total; i++) {
      await services.change('comment.add', { id: services.newId(), ticketId: ticket.id, body: `Poznámka ${i}`, visibility: 'internal' });
    }
    const first = (await services.db.outbox.orderBy('seq').first())!;
    await services.db.outbox.update(first.seq, { state: 'confirmed' });

    renderInConsole(<SyncPanels panel="outbox" onClose={() => undefined} onChanged={() => undefined} />, services);
    const list = await screen.findByRole('list', { name: 'Pending changes' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(OUTBOX_LISTED));
    const items = () => within(list).getAllByRole('listitem');
    await waitFor(() => expect(items()[0]!.textContent).toMatch(new RegExp(`^#${first.seq} Reply or note · ${ticket.key}\\s*confirmed, refreshing$`)));
    expect(items()[1]!.textContent).toMatch(/waiting to be sent$/);
    expect(screen.getByText('and 7 more changes after these, sent once these are through')).toBeTruthy();
  });
});
