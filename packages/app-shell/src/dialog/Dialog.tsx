import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface DialogProps {
  title: string;
  /** Closes without doing anything (Escape, Cancel); ignored while `busy`. */
  onClose: () => void;
  /** A request the dialog sent is under way: Escape waits for it. */
  busy?: boolean;
  children: ReactNode;
  /** Extra class for sizing (e.g. `dialog-wide`). */
  className?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/**
 * The elements Tab reaches, in order. An element taken out of the Tab order (`tabindex="-1"`: a
 * code editor's input-method box beside its real input) or inside a hidden part (an editor not yet
 * loaded) is not one: counted as the first or last, Tab would stop cycling inside the dialog.
 */
function tabbable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.tabIndex >= 0 && element.closest('[hidden]') === null);
}

/**
 * Page-wide layers a code editor inside the dialog draws into (Monaco's context menus and its
 * screen-reader announcements, created once per page, often before the dialog opens): they stay
 * live, or the editor's menus would not take the pointer and its announcements would go unsaid.
 */
const SHARED_LAYERS = '[data-floating-layer], .context-view, .monaco-aria-container';

/**
 * Hides everything but `keep` from assistive technology and input while a modal is open, so the
 * page behind cannot be reached (nor mistaken for the dialog's buttons). Returns the undo.
 */
function isolate(keep: HTMLElement): () => void {
  const hidden = [...document.body.children].filter(
    (element): element is HTMLElement => element instanceof HTMLElement && element !== keep && !element.hasAttribute('aria-hidden') && !element.matches(SHARED_LAYERS),
  );
  for (const element of hidden) {
    element.setAttribute('aria-hidden', 'true');
    element.inert = true;
  }
  return () => {
    for (const element of hidden) {
      element.removeAttribute('aria-hidden');
      element.inert = false;
    }
  };
}

/**
 * A modal dialog: labelled by its title, rendered over the page with the page made inert, focus
 * moves in on open, stays inside while open (Tab cycles), Escape closes, and focus returns.
 */
export function Dialog({ title, onClose, busy = false, children, className }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [host] = useState(() => document.createElement('div'));
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.appendChild(host);
    const restore = isolate(host);
    const first = ref.current ? tabbable(ref.current)[0] : undefined;
    (first ?? ref.current)?.focus();
    return () => {
      restore();
      host.remove();
      opener?.focus();
    };
  }, [host]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = tabbable(ref.current);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} aria-busy={busy || undefined} tabIndex={-1} className={`dialog ${className ?? ''}`} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>,
    host,
  );
}
