// Shared set-up of the supervisor pane tests: the pane in a console on demo data, a tab opened, the
// pane's store reset between tests, and the server's answer to a queued change delivered the way the
// sync engine records it (renderer/sync/push-results.ts).
import { configure, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ConsoleServices } from '../../../renderer/app/console-context';
import type { OutboxEntry } from '../../../renderer/db/cache-db';
import { i18next } from '../../../renderer/i18n';
import { SupervisorPane } from '../../../renderer/supervisor/SupervisorPane';
import { useSupervisorStore, type SupervisorTab } from '../../../renderer/supervisor/supervisor-store';
import { recordResults } from '../../../renderer/sync/push-results';
import type { Mutation } from '../../../shared/protocol/mutations';
import { applyMutation } from '../../../shared/rules/apply-mutation';
import { isOpenStatus } from '../../../shared/rules/status';
import { rosterIndex } from '../../../shared/rules/roster';
import type { Agent, Organization, RosterEntry, Shift } from '../../../shared/schemas/entities';
import type { Ticket } from '../../../shared/schemas/ticket';
import { FIXTURE_NOW, renderInConsole } from '../console-fixture';

// A ceiling for waiting on the cache (live queries are asynchronous), not a timing assertion. Role
// queries skip jsdom's costly visibility walk (getComputedStyle up every ancestor): the board is large,
// and nothing in this pane is hidden by style (jsdom loads no CSS anyway).
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });

export function resetSupervisorStore(): void {
  useSupervisorStore.getState().reset();
}

/** Renders the pane on a tab (chosen beforehand, so the other tabs are never drawn: jsdom is slow). */
export async function openSupervisor(services: ConsoleServices, tab?: SupervisorTab) {
  if (tab) useSupervisorStore.getState().setTab(tab);
  const view = renderInConsole(<SupervisorPane />, services);
  const pane = await screen.findByRole('region', { name: i18next.t('supervisor:pane.label') });
  return { ...view, pane };
}

/**
 * The outbox's pending changes, once it holds any: a control's handler writes its change in a transaction
 * of its own after the event that user-event awaited, so reading at once can come too early.
 */
export async function pendingMutations(services: ConsoleServices): Promise<OutboxEntry[]> {
  const read = async () => (await services.db.outbox.orderBy('seq').toArray()).filter((e) => e.state === 'pending');
  await waitFor(async () => expect(await read()).not.toHaveLength(0));
  return read();
}

export const openTickets = (tickets: readonly Ticket[]) => tickets.filter((t) => isOpenStatus(t.status));

/**
 * Runs a queued change the way the server does (authoritatively, over the server's tickets) and hands
 * its result to the engine's recordResults, as a push answer would. Returns the result.
 */
export async function answerFromServer(
  services: ConsoleServices,
  entry: OutboxEntry,
  server: { tickets: readonly Ticket[]; agents: readonly Agent[]; shifts?: readonly Shift[]; roster?: readonly RosterEntry[]; organizations: readonly Organization[] },
) {
  const { state: _state, round: _round, ...mutation } = entry;
  const tickets = new Map(server.tickets.map((t) => [t.id, t]));
  const outcome = applyMutation(mutation as Mutation, {
    actor: services.actor,
    now: FIXTURE_NOW.toISOString(),
    mode: 'authoritative',
    agents: new Map(server.agents.map((a) => [a.id, a])),
    organizations: server.organizations,
    ...(server.shifts ? { shifts: new Map(server.shifts.map((s) => [s.id, s])) } : {}),
    roster: rosterIndex(server.roster ?? []),
    tickets: entry.name === 'shift.handover' ? new Map([...tickets].filter(([, t]) => isOpenStatus(t.status))) : tickets,
  });
  if (outcome.status !== 'applied') throw new Error(`The server would answer ${outcome.status}`);
  const result = { id: entry.id, seq: entry.seq, status: 'applied' as const, details: outcome.details };
  await recordResults(services.db, [result], services.actor, FIXTURE_NOW.toISOString());
  return result;
}
