import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface DisclosureProps {
  /** What the button says. */
  label: ReactNode;
  /** The button's name when its text alone would not say enough (`Export Loan pipeline`). */
  name?: string;
  className?: string;
  /** The panel's content; `close` closes it and puts the focus back on the button. */
  children(close: () => void): ReactNode;
}

/** A button that opens a small panel below it: Escape or a click elsewhere closes it, focus returns to the button. */
export function Disclosure({ label, name, className, children }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonId = useId();
  const root = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);
  return (
    <div
      ref={root}
      className={`disclosure${className ? ` ${className}` : ''}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button id={buttonId} type="button" aria-expanded={open} aria-controls={panelId} aria-label={name} onClick={() => setOpen(!open)}>
        {label}
      </button>
      <div id={panelId} className="disclosure-panel" hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}
