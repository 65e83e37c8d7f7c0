// Ctrl+K: the command palette finds an action by any part of its name (case and Czech diacritics aside),
// shows each action's shortcut, runs the chosen one by keyboard or mouse, and opens any cached ticket
// by its key.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommandPalette, type PaletteAction } from '../../../renderer/app/CommandPalette';
import { makeConsole, renderInConsole } from '../console-fixture';

function actionsFor(ran: string[]): PaletteAction[] {
  const action = (id: string, label: string, keys?: string): PaletteAction => ({ id, label, keys, run: () => ran.push(id) });
  return [
    action('next', 'Next ticket in the queue', 'J'),
    action('assignToMe', 'Assign to me', 'A'),
    action('note', 'Internal note', 'N'),
    action('outbox', 'Pending changes'),
    action('kb', 'Zobrazit Znalostní báze'),
  ];
}

async function openPalette() {
  const console = await makeConsole({ tickets: 40, articles: 1 });
  const ran: string[] = [];
  const onClose = vi.fn();
  const onOpenTicket = vi.fn();
  renderInConsole(<CommandPalette actions={actionsFor(ran)} onClose={onClose} onOpenTicket={onOpenTicket} />, console.services);
  const input = screen.getByRole('combobox', { name: 'Command' });
  const options = () => within(screen.getByRole('listbox')).getAllByRole('option');
  const names = () => options().map((o) => o.textContent);
  return { ...console, ran, onClose, onOpenTicket, input, options, names };
}

describe('the command palette', () => {
  it('lists every action with its shortcut, narrows as the agent types, and runs the chosen one with Enter', async () => {
    const user = userEvent.setup();
    const { input, options, names, ran, onClose } = await openPalette();
    expect(document.activeElement).toBe(input);
    expect(options().map((o) => [o.firstElementChild?.textContent, o.getAttribute('aria-keyshortcuts')])).toEqual([
      ['Next ticket in the queue', 'J'], ['Assign to me', 'A'], ['Internal note', 'N'], ['Pending changes', null], ['Zobrazit Znalostní báze', null],
    ]);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');

    await user.type(input, 'NOTE');
    expect(names()).toEqual(['Internal noteN']);
    await user.clear(input);
    await user.type(input, 'znalostni baze');
    expect(names()).toEqual(['Zobrazit Znalostní báze']);
    await user.clear(input);
    await user.type(input, 'xyz');
    expect(names()).toEqual(['No matching command']);

    await user.clear(input);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    await user.keyboard('{Enter}');
    expect(ran).toEqual(['assignToMe']);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('runs a clicked action', async () => {
    const user = userEvent.setup();
    const { options, ran, onClose } = await openPalette();
    await user.click(options()[3]!);
    expect(ran).toEqual(['outbox']);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('offers to open a ticket by its key, in any case, and opens it in its desk', async () => {
    const user = userEvent.setup();
    const { input, names, demo, onOpenTicket } = await openPalette();
    const ticket = demo.tickets.find((tk) => tk.desk === 'help')!;
    await user.type(input, ticket.key!.toLowerCase());
    await waitFor(() => expect(names()[0]).toBe(`Open ticket ${ticket.key}`));
    await user.keyboard('{Enter}');
    expect(onOpenTicket).toHaveBeenCalledWith(ticket.id, 'help');
  });

  it('keeps the ticket for what the field says now when an earlier keystroke\'s lookup answers last', async () => {
    const user = userEvent.setup();
    const { input, names, demo, db } = await openPalette();
    const key = demo.tickets.find((tk) => tk.desk === 'service')!.key!;
    const shorter = key.slice(0, -1); // no ticket has it
    const lookUp = db.ticketByKey.bind(db);
    db.ticketByKey = async (k) => {
      if (k === shorter) await new Promise((resolve) => setTimeout(resolve, 300));
      return lookUp(k);
    };
    await user.type(input, key);
    await waitFor(() => expect(names()[0]).toBe(`Open ticket ${key}`));
    await new Promise((resolve) => setTimeout(resolve, 400)); // the slow answer for `shorter` has come
    expect(names()[0]).toBe(`Open ticket ${key}`);
  });
});
