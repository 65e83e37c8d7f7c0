// The modal dialog's focus: into the dialog when it opens (or left on a field in it that took it),
// kept there while the console re-renders around it, and back where it was when it closes.
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../renderer/app/Dialog';

function Harness({ autoFocusField, onClose }: { autoFocusField: boolean; onClose: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Open</button>
      <textarea aria-label="Reply" />
      {open && (
        // A new onClose on every render, as the console passes it.
        <Dialog title="Pending changes" closeLabel="Close" onClose={() => { onClose(); setOpen(false); }}>
          <input aria-label="Field" autoFocus={autoFocusField} />
          {/* As a palette action does: close, then put the focus where the action goes. */}
          <button type="button" onClick={() => { setOpen(false); document.querySelector<HTMLElement>('[aria-label="Reply"]')!.focus(); }}>Reply</button>
        </Dialog>
      )}
    </>
  );
}

describe('the dialog', () => {
  it('takes the focus when it opens and gives it back to what had it when Escape closes it', () => {
    const onClose = vi.fn();
    render(<Harness autoFocusField={false} onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('dialog', { name: 'Pending changes' }));

    fireEvent.keyDown(window, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves the focus where the action that closed it put it', () => {
    render(<Harness autoFocusField={false} onClose={() => undefined} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reply' }));
  });

  it('leaves the focus on a field of its own that took it, also when the page around it renders again', () => {
    const { rerender } = render(<Harness autoFocusField onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    const field = screen.getByRole('textbox', { name: 'Field' });
    expect(document.activeElement).toBe(field);
    rerender(<Harness autoFocusField onClose={() => undefined} />);
    expect(document.activeElement).toBe(field);
  });
});
