// A modal dialog: labelled, focus moved into it (unless a field in it took the focus already) and given
// back where it was on closing, Escape and the close button close it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, closeLabel, children }: { title: string; onClose: () => void; closeLabel: string; children: ReactNode }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Callers pass a new onClose on every render: the listener reads the latest, so re-renders never
  // move the focus again (the palette's field lost it whenever the console re-rendered).
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog?.contains(document.activeElement)) dialog?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      // Unless what closed it moved the focus on (a palette action focusing the reply field).
      const lost = document.activeElement === document.body || dialog?.contains(document.activeElement);
      if (lost && before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby={id} className="dialog" tabIndex={-1} ref={ref} onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id={id}>{title}</h2>
          <button type="button" onClick={onClose}>{closeLabel}</button>
        </header>
        {children}
      </div>
    </div>
  );
}
