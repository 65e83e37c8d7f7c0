// A modal dialog: labelled, focus moved into it, Escape and the close button close it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, closeLabel, children }: { title: string; onClose: () => void; closeLabel: string; children: ReactNode }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
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
