// The notifications hook, end to end in the console: my tickets and conflicts watched in the cache,
// notices handed to the desktop bridge in the agent's language, and a click opening the ticket.
import { render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider, type ConsoleServices } from '../../../renderer/app/console-context';
import { useUiStore } from '../../../renderer/app/ui-store';
import { useNotifications, type NotificationBridge } from '../../../renderer/offline/use-notifications';
import { DEFAULT_SETTINGS, type NotificationPreferences } from '../../../shared/ipc/settings';
import { applyMutation } from '../../../shared/rules/apply-mutation';
import type { NotificationRequest } from '../../../shared/ipc/contract';
import { FIXTURE_NOW } from '../console-fixture';
import { resetStores, techConsole } from './field-fixture';

const MIN = 60_000;

function fakeBridge(prefs: Partial<NotificationPreferences> = {}) {
  const shown: NotificationRequest[] = [];
  let clicked: ((p: { ticketKey: string }) => void) | null = null;
  const bridge = {
    showNotification: vi.fn(async (request: NotificationRequest) => {
      shown.push(request);
      return { ok: true as const, value: { shown: true } };
    }),
    getSettings: vi.fn(async () => ({ ok: true as const, value: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, ...prefs } } })),
    onNotificationClicked: vi.fn((listener: (p: { ticketKey: string }) => void) => {
      clicked = listener;
      return () => {
        clicked = null;
      };
    }),
  } satisfies NotificationBridge;
  return { bridge, shown, click: (ticketKey: string) => clicked?.({ ticketKey }) };
}

function Probe({ bridge, checkEveryMs }: { bridge: NotificationBridge; checkEveryMs?: number }) {
  useNotifications({ bridge, checkEveryMs });
  return null;
}

async function mount(services: ConsoleServices, bridge: NotificationBridge, checkEveryMs?: number) {
  const view = render(<ConsoleProvider services={services}><Probe bridge={bridge} checkEveryMs={checkEveryMs} /></ConsoleProvider>);
  // The first look (the baseline) is taken once the settings were read for it.
  await waitFor(() => expect(bridge.getSettings).toHaveBeenCalled());
  await new Promise((resolve) => setTimeout(resolve, 50));
  return view;
}

describe('useNotifications', () => {
  beforeEach(resetStores);

  it('notifies a ticket newly assigned to me, not the ones I had, and a click opens it', async () => {
    const { services, demo, db, actor } = await techConsole();
    await db.meta.put({ key: 'bootstrapped', value: true });
    const fake = fakeBridge();
    await mount(services, fake.bridge);
    expect(fake.shown.filter((n) => n.kind === 'assigned')).toEqual([]);

    const ticket = demo.tickets.find((t) => t.desk === 'service' && t.status === 'open' && t.assigneeId !== actor.id)!;
    await db.tickets.update(ticket.id, { assigneeId: actor.id });
    await waitFor(() => expect(fake.shown.filter((n) => n.kind === 'assigned')).toEqual([
      { kind: 'assigned', title: 'Ticket assigned to you', body: `${ticket.key}: ${ticket.subject}`, ticketKey: ticket.key },
    ]));

    fake.click(ticket.key!);
    await waitFor(() => expect(useUiStore.getState().openTicket.service).toBe(ticket.id));
    expect(useUiStore.getState().focusedPane).toBe('service');
  });

  it('sends one notification for a handover of several tickets, and one for new conflicts', async () => {
    const { services, demo, db, actor } = await techConsole();
    await db.meta.put({ key: 'bootstrapped', value: true });
    const fake = fakeBridge();
    await mount(services, fake.bridge);

    const moved = demo.tickets.filter((t) => t.desk === 'service' && t.status === 'open' && t.assigneeId !== actor.id).slice(0, 3);
    await db.transaction('rw', db.tickets, async () => {
      for (const t of moved) await db.tickets.update(t.id, { assigneeId: actor.id });
    });
    await waitFor(() => expect(fake.shown.filter((n) => n.kind === 'assigned')).toHaveLength(1));
    expect(fake.shown.find((n) => n.kind === 'assigned')).toEqual({
      kind: 'assigned', title: '3 tickets handed over to you', body: moved.map((t) => t.key!).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', '), ticketKey: null,
    });

    await db.conflicts.put({
      id: '0190a000-0000-7000-8000-0000000000d1',
      mutation: { id: '0190a000-0000-7000-8000-0000000000d2', seq: 1, name: 'ticket.setStatus', at: FIXTURE_NOW.toISOString(),
        args: { ticketId: moved[0]!.id, status: 'resolved', expectedStatus: 'open' } },
      fields: [{ field: 'status', mine: 'resolved', theirs: 'pending' }], current: null, at: FIXTURE_NOW.toISOString(),
    });
    await waitFor(() => expect(fake.shown.filter((n) => n.kind === 'conflict')).toEqual([{
      kind: 'conflict', title: `Conflict on ${moved[0]!.key}`, body: 'Someone else changed it meanwhile. Choose which side to keep.', ticketKey: moved[0]!.key,
    }]));
  });

  it('a shift handover that moves tickets to me shows one notification naming the supervisor who ran it', async () => {
    const { services, demo, db, actor } = await techConsole();
    await db.meta.put({ key: 'bootstrapped', value: true });
    const fake = fakeBridge();
    await mount(services, fake.bridge);

    // The server runs the night-to-early handover (11:00 in Prague: the night crew has left, mine is on).
    const supervisor = demo.agents.find((a) => a.email === 'supervisor@example.com')!;
    const shift = (name: string) => demo.shifts.find((s) => s.name === name)!.id;
    const open = demo.tickets.filter((t) => t.status !== 'resolved' && t.status !== 'closed');
    const outcome = applyMutation(
      { id: '0190a000-0000-7000-8000-0000000000e1', seq: 1, name: 'shift.handover', at: FIXTURE_NOW.toISOString(),
        args: { fromShiftId: shift('Night'), toShiftId: shift('Early'), strategy: 'round_robin' } },
      { actor: supervisor, now: FIXTURE_NOW.toISOString(), mode: 'authoritative', agents: new Map(demo.agents.map((a) => [a.id, a])),
        shifts: new Map(demo.shifts.map((s) => [s.id, s])), roster: new Map(), organizations: demo.organizations, tickets: new Map(open.map((t) => [t.id, t])) },
    );
    if (outcome.status !== 'applied') throw new Error(outcome.status);
    const toMe = (outcome.details as { moved: Array<{ ticketId: string; to: string }> }).moved.filter((m) => m.to === actor.id);
    expect(toMe.length).toBeGreaterThan(1);
    // The pull brings the moved tickets.
    await db.tickets.bulkPut(outcome.puts.flatMap((p) => (p.entity === 'ticket' ? [p.data] : [])));

    await waitFor(() => expect(fake.shown.filter((n) => n.kind === 'assigned')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const keys = toMe.map((m) => demo.tickets.find((t) => t.id === m.ticketId)!.key!).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(fake.shown).toEqual([{
      kind: 'assigned',
      title: `${toMe.length} tickets handed over to you by ${supervisor.name}`,
      body: keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', '),
      ticketKey: null,
    }]);

    // Later moved on by an ordinary assignment: that is no handover of the supervisor's any more.
    const [first] = toMe;
    const other = demo.agents.find((a) => a.email === 'agent@example.com')!;
    const moved = (await db.tickets.get(first!.ticketId))!;
    await db.tickets.put({ ...moved, assigneeId: other.id, version: moved.version + 1, fieldVersions: { ...moved.fieldVersions, assigneeId: moved.version + 1 } });
    const back = (await db.tickets.get(first!.ticketId))!;
    await db.tickets.put({ ...back, assigneeId: actor.id, version: back.version + 1, fieldVersions: { ...back.fieldVersions, assigneeId: back.version + 1 } });
    await waitFor(() => expect(fake.shown).toHaveLength(2));
    expect(fake.shown[1]).toMatchObject({ title: 'Ticket assigned to you' });
  });

  it('warns once, within the lead time, as the clock moves on', async () => {
    const field = await techConsole();
    const { demo, db, actor } = field;
    let clock = FIXTURE_NOW;
    const services = { ...field.services, now: () => clock };
    await db.meta.put({ key: 'bootstrapped', value: true });
    // Only one ticket of mine has a running clock: resolution (P1, 4 h) due 20 minutes from now.
    const mine = demo.tickets.filter((t) => t.assigneeId === actor.id);
    await db.tickets.bulkDelete(mine.map((t) => t.id));
    const template = demo.tickets.find((t) => t.desk === 'service' && t.status === 'open')!;
    const createdAt = new Date(FIXTURE_NOW.getTime() - 220 * MIN).toISOString();
    await db.tickets.put({ ...template, assigneeId: actor.id, priority: 'P1', createdAt, sla: { ...template.sla, firstResponseAt: createdAt, resolvedAt: null, pauses: [] } });
    const fake = fakeBridge({ slaLeadMinutes: 15 });
    await mount(services, fake.bridge, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.shown).toEqual([]);

    clock = new Date(FIXTURE_NOW.getTime() + 6 * MIN);
    await waitFor(() => expect(fake.shown).toHaveLength(1));
    expect(fake.shown[0]).toEqual({
      kind: 'sla_warning', title: `SLA about to breach: ${template.key}`, body: `Resolution due in 14 minutes — ${template.subject}`, ticketKey: template.key,
    });
    clock = new Date(FIXTURE_NOW.getTime() + 10 * MIN);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.shown).toHaveLength(1);
  });

  it('shows nothing when notifications are switched off', async () => {
    const { services, demo, db, actor } = await techConsole();
    await db.meta.put({ key: 'bootstrapped', value: true });
    const fake = fakeBridge({ enabled: false });
    await mount(services, fake.bridge);
    const ticket = demo.tickets.find((t) => t.desk === 'service' && t.status === 'open' && t.assigneeId !== actor.id)!;
    await db.tickets.update(ticket.id, { assigneeId: actor.id });
    await waitFor(() => expect(fake.bridge.getSettings.mock.calls.length).toBeGreaterThan(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.bridge.showNotification).not.toHaveBeenCalled();
  });

  it('does not take the cache loading for a handover', async () => {
    const { services, demo, db, actor } = await techConsole();
    const fake = fakeBridge();
    await mount(services, fake.bridge);
    // Not bootstrapped yet: the bootstrap writes my tickets, then marks the cache complete.
    const ticket = demo.tickets.find((t) => t.desk === 'service' && t.status === 'open' && t.assigneeId !== actor.id)!;
    await db.tickets.update(ticket.id, { assigneeId: actor.id });
    await db.meta.put({ key: 'bootstrapped', value: true });
    await waitFor(() => expect(fake.bridge.getSettings.mock.calls.length).toBeGreaterThan(2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.shown.filter((n) => n.kind === 'assigned')).toEqual([]);
  });
});
