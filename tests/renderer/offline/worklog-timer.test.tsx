// The on-site timer: Start on arrival, Stop on leaving, the worklog form prefilled with the minutes
// rounded up, and worklog.add queued with onSite and the arrival as startedAt. The timer lives in the
// cache, so closing the pane (or reloading) while on site loses nothing.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatElapsed, workedMinutes } from '../../../renderer/offline/timer';
import { FIXTURE_NOW } from '../console-fixture';
import { openTicketsOf, pendingMutations, renderPane, resetStores, siteCard, techConsole } from './field-fixture';

const MIN = 60_000;

describe('worked minutes', () => {
  const start = FIXTURE_NOW.toISOString();
  const after = (ms: number) => new Date(FIXTURE_NOW.getTime() + ms).toISOString();
  it('rounds a started minute up, logs at least one and at most a day', () => {
    expect(workedMinutes(start, start)).toBe(1);
    expect(workedMinutes(start, after(59_000))).toBe(1);
    expect(workedMinutes(start, after(MIN))).toBe(1);
    expect(workedMinutes(start, after(MIN + 1))).toBe(2);
    expect(workedMinutes(start, after(44 * MIN + 10_000))).toBe(45);
    expect(workedMinutes(start, after(3 * 24 * 60 * MIN))).toBe(24 * 60);
  });
  it('shows the running time as h:mm:ss', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(44 * MIN + 10_000)).toBe('0:44:10');
    expect(formatElapsed(65 * MIN + 9_000)).toBe('1:05:09');
  });
});

describe('on-site worklog timer', () => {
  beforeEach(resetStores);

  it('starts on arrival, survives a remount, and stopping queues worklog.add with onSite and the minutes', async () => {
    const user = userEvent.setup();
    const field = await techConsole();
    let clock = FIXTURE_NOW;
    const services = { ...field.services, now: () => clock };
    const [ticket, other] = openTicketsOf(field.demo.tickets, field.actor.id);

    const first = await renderPane(services);
    await user.click(within(await siteCard(first.pane, ticket!)).getByRole('button', { name: 'Start on arrival' }));
    await waitFor(async () => expect(await field.db.getMeta(`timer:${field.actor.id}`)).toEqual({
      ticketId: ticket!.id, startedAt: FIXTURE_NOW.toISOString(), stoppedAt: null,
    }));
    // One site at a time: the other tickets cannot start a second timer.
    await waitFor(async () => expect(within(await siteCard(first.pane, other!)).getByRole('button', { name: 'Start on arrival' })).toHaveProperty('disabled', true));

    // The pane goes away (a reload, another layout) while the tech works for 44 min 10 s.
    first.unmount();
    clock = new Date(FIXTURE_NOW.getTime() + 44 * MIN + 10_000);
    const { pane } = await renderPane(services);
    const card = await siteCard(pane, ticket!);
    expect(await within(card).findByRole('timer', { name: 'Time on site' })).toHaveProperty('textContent', '0:44:10');

    await user.click(within(card).getByRole('button', { name: 'Stop on leaving' }));
    const form = await within(card).findByRole('form', { name: 'Log the time on site' });
    expect(within(form).getByRole('spinbutton', { name: 'Minutes' })).toHaveProperty('value', '45');
    // Writing the note takes a while: the minutes stay those of leaving.
    clock = new Date(clock.getTime() + 10 * MIN);
    await user.type(within(form).getByRole('textbox', { name: 'What was done' }), 'Replaced the fuser unit');
    await user.click(within(form).getByRole('button', { name: 'Log work' }));

    await waitFor(async () => expect(await pendingMutations(services)).toHaveLength(1));
    const [entry] = await pendingMutations(services);
    const args = entry?.args as { id: string };
    expect(entry?.name).toBe('worklog.add');
    expect(args).toEqual({ id: args.id, ticketId: ticket!.id, minutes: 45, note: 'Replaced the fuser unit', onSite: true, startedAt: FIXTURE_NOW.toISOString() });
    // Applied to the cache at once, and the timer is gone.
    expect(await field.db.worklogs.get(args.id)).toMatchObject({ minutes: 45, onSite: true, agentId: field.actor.id });
    await waitFor(async () => expect(await field.db.getMeta(`timer:${field.actor.id}`)).toBeUndefined());
    expect(await within(card).findByRole('button', { name: 'Start on arrival' })).toBeTruthy();
  });

  it('lets the tech correct the minutes, refuses nonsense, and resumes or discards a stopped timer', async () => {
    const user = userEvent.setup();
    const field = await techConsole();
    let clock = FIXTURE_NOW;
    const services = { ...field.services, now: () => clock };
    const [ticket] = openTicketsOf(field.demo.tickets, field.actor.id);
    const { pane } = await renderPane(services);
    const card = await siteCard(pane, ticket!);

    await user.click(within(card).getByRole('button', { name: 'Start on arrival' }));
    clock = new Date(FIXTURE_NOW.getTime() + 20_000);
    await user.click(await within(card).findByRole('button', { name: 'Stop on leaving' }));
    const form = await within(card).findByRole('form', { name: 'Log the time on site' });
    expect(within(form).getByRole('spinbutton', { name: 'Minutes' })).toHaveProperty('value', '1');

    await user.click(within(form).getByRole('button', { name: 'Resume timer' }));
    expect(await within(card).findByRole('button', { name: 'Stop on leaving' })).toBeTruthy();
    clock = new Date(FIXTURE_NOW.getTime() + 90 * MIN);
    await user.click(within(card).getByRole('button', { name: 'Stop on leaving' }));
    const again = await within(card).findByRole('form', { name: 'Log the time on site' });
    const minutes = within(again).getByRole('spinbutton', { name: 'Minutes' });
    expect(minutes).toHaveProperty('value', '90');
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(within(again).getByRole('button', { name: 'Log work' }));
    expect(await within(again).findByRole('alert')).toHaveProperty('textContent', 'Enter whole minutes from 1 to 1440.');
    expect(await pendingMutations(services)).toHaveLength(0);

    await user.click(within(again).getByRole('button', { name: 'Discard timer' }));
    expect(await within(card).findByRole('button', { name: 'Start on arrival' })).toBeTruthy();
    expect(await field.db.getMeta(`timer:${field.actor.id}`)).toBeUndefined();
    expect(screen.queryByRole('form', { name: 'Log the time on site' })).toBeNull();
    expect(await pendingMutations(services)).toHaveLength(0);
  });
});
