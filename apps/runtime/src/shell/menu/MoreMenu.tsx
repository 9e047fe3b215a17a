import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';

export interface MenuPage {
  to: string;
  label: string;
}

/**
 * "More ▾": the app's pages the header has no room for, as a list of links under a button
 * (a disclosure: they are links, not commands). Arrow keys open it and move through it, Home
 * and End jump, Escape closes it back to the button; leaving it (Tab, a click elsewhere, a page
 * opened) closes it. The button is marked current when the page shown is one of its own.
 */
export function MoreMenu({ pages }: { pages: readonly MenuPage[] }) {
  const { t } = useTranslation('shell');
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusOnOpen = useRef<'first' | 'last' | null>(null);
  const current = pages.some((page) => pathname === page.to || pathname.startsWith(`${page.to}/`));

  const links = () => Array.from(rootRef.current?.querySelectorAll<HTMLAnchorElement>('ul a') ?? []);

  // A page opened from the list closes it.
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const wanted = focusOnOpen.current;
    focusOnOpen.current = null;
    if (wanted) (wanted === 'first' ? links()[0] : links().at(-1))?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const openAt = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    if (open) {
      focusOnOpen.current = null;
      (where === 'first' ? links()[0] : links().at(-1))?.focus();
    } else setOpen(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (at < 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    } else if (at >= 0 && event.key === 'ArrowDown') move(at + 1);
    else if (at >= 0 && event.key === 'ArrowUp') move(at - 1);
    else if (at >= 0 && event.key === 'Home') move(0);
    else if (at >= 0 && event.key === 'End') move(all.length - 1);
  };

  return (
    <div
      ref={rootRef}
      className="more-menu"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={current ? 'more-button active' : 'more-button'}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {t('nav.more')}
        <span aria-hidden="true" className="more-caret">▾</span>
      </button>
      <ul id={listId} className="more-list" aria-label={t('nav.morePages')} hidden={!open}>
        {pages.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to}>{page.label}</NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
