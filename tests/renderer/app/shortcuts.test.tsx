// Keyboard-first: the single-key shortcuts reach the console, never while the agent types in a field
// (Escape and Ctrl+K do), and the shortcut sheet lists every key the desktop menu shows.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, SHORTCUTS } from '../../../shared/ipc/menu-commands';
import { ShortcutSheet } from '../../../renderer/app/ShortcutSheet';
import { useCommand, type ConsoleCommand } from '../../../renderer/app/ui-store';
import { useShortcuts } from '../../../renderer/app/use-shortcuts';

function Console({ heard }: { heard: ConsoleCommand[] }) {
  useShortcuts();
  useCommand((command) => heard.push(command));
  return (
    <>
      <input aria-label="Filter" />
      <textarea aria-label="Reply" />
      <button type="button">Assign</button>
    </>
  );
}

function renderConsole() {
  const heard: ConsoleCommand[] = [];
  render(<Console heard={heard} />);
  return heard;
}

describe('keyboard shortcuts', () => {
  it('turns each single key pressed outside a field into its command', () => {
    const heard = renderConsole();
    for (const key of ['j', 'k', 'Enter', 'Escape', 'a', 'r', 'n', '/', '?']) fireEvent.keyDown(document.body, { key });
    expect(heard).toEqual(['next', 'previous', 'open', 'close', 'assignToMe', 'reply', 'note', 'search', 'shortcuts']);
  });

  it('never fires while the agent types in a field, except Escape and Ctrl+K', () => {
    const heard = renderConsole();
    for (const field of [screen.getByRole('textbox', { name: 'Filter' }), screen.getByRole('textbox', { name: 'Reply' })]) {
      for (const key of ['j', 'k', 'a', 'r', 'n', '/', '?', 'Enter']) fireEvent.keyDown(field, { key });
    }
    expect(heard).toEqual([]);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Reply' }), { key: 'Escape' });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Filter' }), { key: 'k', ctrlKey: true });
    expect(heard).toEqual(['close', 'palette']);
  });

  it('leaves Enter on a button to the button, and keys with Ctrl, Alt or ⌘ to the system', () => {
    const heard = renderConsole();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Assign' }), { key: 'Enter' });
    fireEvent.keyDown(document.body, { key: 'j', altKey: true });
    fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'r', metaKey: true });
    expect(heard).toEqual([]);
    fireEvent.keyDown(document.body, { key: 'K', metaKey: true });
    expect(heard).toEqual(['palette']);
  });

  it('lists every shortcut of the desktop menu on the sheet, with what it does', () => {
    render(<ShortcutSheet onClose={() => undefined} />);
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = [...sheet.querySelectorAll('dl > div')].map((row) => [within(row as HTMLElement).getByRole('term').textContent, within(row as HTMLElement).getByRole('definition').textContent]);
    expect(rows.map(([key]) => key)).toEqual(MENU_COMMANDS.map((c) => SHORTCUTS[c].key));
    expect(rows).toContainEqual(['J', 'Next ticket in the queue']);
    expect(rows).toContainEqual(['Ctrl+K', 'Command palette']);
    expect(rows).toContainEqual(['?', 'This sheet']);
  });
});
