// Rows show the agent's own changes that the server has not confirmed yet, and conflicts waiting.
import { act, waitFor, within } from '@testing-library/react';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dataRows, expectedViews, resetUi, rowKey, setGridViewport, setup, waitForRows } from './queue-helpers';

beforeEach(() => {
  setGridViewport(5000);
  resetUi();
});

const rowOf = (region: HTMLElement, key: string) => dataRows(region).find((r) => rowKey(r) === key);

describe('local change marks', () => {
  it('marks a row pending after an offline change, until the server confirms it', async () => {
    const { region, demo, actor, services, db } = await setup({ desk: 'service' });
    const expected = expectedViews(demo.tickets, 'service', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);
    const ticket = expected['Unassigned'][0]!;
    const other = expected['Unassigned'][1]!;
    expect(within(rowOf(region, ticket.key!)!).queryByText('pending')).toBeNull();

    let seq = 0;
    await act(async () => {
      seq = (await services.change('ticket.assign', { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null })).seq;
    });
    await waitFor(() => expect(within(rowOf(region, ticket.key!)!).getByText('pending')).toBeTruthy());
    // The change shows on its row: assigned to the agent, optimistically.
    expect(within(rowOf(region, ticket.key!)!).getByText('Jana Nováková')).toBeTruthy();
    expect(within(rowOf(region, other.key!)!).queryByText('pending')).toBeNull();

    // The push came back "applied": confirmed, no longer pending.
    await act(async () => {
      await db.outbox.update(seq, { state: 'confirmed' });
    });
    await waitFor(() => expect(within(rowOf(region, ticket.key!)!).queryByText('pending')).toBeNull());
  });

  it('marks a row with a conflict while the conflicts list holds one for its ticket', async () => {
    const { region, demo, actor, db } = await setup({ desk: 'help' });
    const expected = expectedViews(demo.tickets, 'help', actor, demo.organizations);
    await waitForRows(region, expected['All open'].length);
    const ticket = expected['All open'][2]!;
    const conflictId = randomUUID();

    await act(async () => {
      await db.conflicts.put({
        id: conflictId,
        mutation: { id: randomUUID(), seq: 7, name: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: actor.id, expectedAssigneeId: null }, at: '2026-11-20T09:30:00.000Z' },
        fields: [],
        current: { assigneeId: ticket.assigneeId },
        at: '2026-11-20T09:31:00.000Z',
      });
    });
    await waitFor(() => expect(within(rowOf(region, ticket.key!)!).getByText('conflict')).toBeTruthy());
    expect(dataRows(region).filter((r) => within(r).queryByText('conflict')).map(rowKey)).toEqual([ticket.key]);

    // "Take theirs" removes the conflict, and the mark goes with it.
    await act(async () => {
      await db.conflicts.delete(conflictId);
    });
    await waitFor(() => expect(within(rowOf(region, ticket.key!)!).queryByText('conflict')).toBeNull());
  });
});
