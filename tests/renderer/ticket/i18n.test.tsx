// Every string of the pane comes from the "ticket" namespace in both languages: no raw key ever shows.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/i18n';
import { ticketMessages } from '../../../renderer/ticket/messages';
import { TicketPane } from '../../../renderer/ticket/TicketPane';
import { makeConsole, renderInConsole } from '../console-fixture';
import { pick, resetStores } from './ticket-fixture';

const NAMESPACES = Object.keys(ticketMessages.en).filter((k) => typeof (ticketMessages.en as Record<string, unknown>)[k] === 'object');
const RAW_KEY = new RegExp(`\\b(${NAMESPACES.join('|')})\\.[a-zA-Z_]+`);

function leaves(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as Record<string, unknown>, `${prefix}${k}.`)));
}

/** Each text node and each accessible-name attribute on its own (textContent would glue sentences). */
function texts(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node.textContent ?? '');
  for (const el of root.querySelectorAll('[aria-label]')) out.push(el.getAttribute('aria-label') ?? '');
  return out;
}

describe('ticket strings', () => {
  beforeEach(resetStores);
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'));
  });

  it('has a Czech string for every English one, plural forms aside', () => {
    const base = (key: string) => key.replace(/_(one|few|many|other)$/, '');
    const cs = new Set(leaves(ticketMessages.cs).map(base));
    expect(leaves(ticketMessages.en).map(base).filter((k) => !cs.has(k))).toEqual([]);
  });

  it.each(['en', 'cs'])('renders the whole pane in %s without a raw key', async (language) => {
    const user = userEvent.setup();
    await act(() => i18next.changeLanguage(language));
    const { services, demo } = await makeConsole({ email: 'supervisor@example.com' });
    const ticket = pick(demo.tickets, (t) => t.desk === 'service' && t.status === 'open' && demo.worklogs.some((w) => w.ticketId === t.id), 'open ticket with worklogs');
    renderInConsole(<TicketPane ticketId={ticket.id} />, services);
    const pane = await screen.findByRole('region', { name: `${language === 'cs' ? 'Tiket' : 'Ticket'} ${ticket.key}` });
    await within(pane).findAllByRole('article');
    await within(pane).findByText(ticket.requester.name, { selector: 'dd' });
    await user.click(within(pane).getByRole('button', { name: language === 'cs' ? 'Upravit podrobnosti' : 'Edit details' }));
    expect(texts(pane).filter((text) => RAW_KEY.test(text))).toEqual([]);
    const unnamed = within(pane).queryAllByRole('textbox').concat(within(pane).queryAllByRole('combobox'), within(pane).queryAllByRole('spinbutton'))
      .filter((el) => !el.id || !pane.querySelector(`label[for="${el.id}"]`));
    expect(unnamed).toEqual([]);
  });
});
