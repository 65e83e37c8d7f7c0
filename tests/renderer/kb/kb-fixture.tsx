// Shared set-up of the knowledge-base pane tests: a console on demo data, the pane rendered and its
// index built, and the UI stores reset so a search or an open ticket never leaks into the next test.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { useUiStore } from '../../../renderer/app/ui-store';
import { KB_INITIAL, useKbStore } from '../../../renderer/kb/kb-store';
import { KnowledgePane } from '../../../renderer/kb/KnowledgePane';
import type { Article } from '../../../shared/schemas/entities';
import { makeConsole, renderInConsole } from '../console-fixture';

export function resetStores(): void {
  useKbStore.setState(KB_INITIAL);
  useUiStore.setState({ openTicket: { service: null, help: null }, activeTicketId: null, replyInsert: null, focusedPane: 'kb' });
}

/**
 * A console with the pane open, its index complete; `extra` articles are cached before it opens. The
 * cache has finished its first load unless `loading` says it is still coming in.
 */
export async function openKb(options: { email?: string; articles?: number; extra?: Article[]; loading?: boolean } = {}) {
  const console = await makeConsole({ email: options.email, articles: options.articles });
  if (options.extra) await console.db.articles.bulkPut(options.extra);
  if (!options.loading) await console.db.meta.put({ key: 'bootstrapped', value: true });
  const view = renderInConsole(<KnowledgePane />, console.services);
  const pane = screen.getByRole('region', { name: 'Knowledge base' });
  await waitFor(() => expect(within(pane).getByRole('status').textContent).not.toMatch(/Indexing/));
  const search = within(pane).getByRole('combobox', { name: 'Search articles' });
  return { ...console, ...view, pane, search };
}

export function resultOptions(pane: HTMLElement): HTMLElement[] {
  const list = within(pane).queryByRole('listbox', { name: 'Articles' });
  return list ? within(list).queryAllByRole('option') : [];
}

export function resultTitles(pane: HTMLElement): string[] {
  return resultOptions(pane).map((o) => o.querySelector('.sb-kbpane__result-title')?.textContent ?? '');
}

export async function pendingMutations(db: Awaited<ReturnType<typeof makeConsole>>['db']) {
  return (await db.outbox.orderBy('seq').toArray()).filter((e) => e.state === 'pending');
}

export function pick<T>(rows: readonly T[], test: (row: T) => boolean, what: string): T {
  const found = rows.find(test);
  if (!found) throw new Error(`The demo data has no ${what}`);
  return found;
}
