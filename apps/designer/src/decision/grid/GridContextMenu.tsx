import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { nextEnabled, type MenuAction, type MenuItem } from './context-menu.js';

export interface GridContextMenuProps {
  /** The menu's accessible name ("Actions on rule 3"). */
  label: string;
  items: readonly MenuItem[];
  /** Where it opens (viewport pixels): the pointer, or the cursor cell's corner. */
  at: { x: number; y: number };
  onAction(action: MenuAction): void;
  /** Closed without acting (Escape, Tab, a click elsewhere): the grid takes the focus back. */
  onClose(): void;
}

/**
 * A WAI-ARIA menu over the grid: the focus goes to its first command; arrows, Home and End move
 * (over disabled ones), Enter or Space acts, Escape or Tab closes. It stays inside the window.
 */
export function GridContextMenu({ label, items, at, onAction, onClose }: GridContextMenuProps) {
  const { t } = useTranslation('decisionDesigner');
  const menu = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(() => nextEnabled(items, -1, 1));
  const [place, setPlace] = useState(at);

  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (box && box.width > 0) {
      setPlace({ x: Math.max(0, Math.min(at.x, window.innerWidth - box.width - 4)), y: Math.max(0, Math.min(at.y, window.innerHeight - box.height - 4)) });
    }
  }, [at]);
  useLayoutEffect(() => {
    menu.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  }, [active]);
  // A press anywhere else closes it, as a native menu does.
  useLayoutEffect(() => {
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const act = (item: MenuItem | undefined) => {
    if (item && !item.disabled) onAction(item.action);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key;
    if (key === 'ArrowDown') setActive((i) => nextEnabled(items, i, 1));
    else if (key === 'ArrowUp') setActive((i) => nextEnabled(items, i, -1));
    else if (key === 'Home') setActive(nextEnabled(items, -1, 1));
    else if (key === 'End') setActive(nextEnabled(items, items.length, -1));
    else if (key === 'Enter' || key === ' ') act(items[active]);
    else if (key === 'Escape' || key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <ul ref={menu} role="menu" aria-label={label} className="dg-menu" style={{ left: place.x, top: place.y }} onKeyDown={onKeyDown}>
      {items.map((item, index) => (
        <li
          key={item.label}
          role="menuitem"
          data-index={index}
          tabIndex={index === active ? 0 : -1}
          aria-disabled={item.disabled || undefined}
          aria-keyshortcuts={item.shortcut}
          className={`dg-menu__item${item.danger ? ' dg-menu__item--danger' : ''}${index > 0 && items[index - 1]!.group !== item.group ? ' dg-menu__item--group' : ''}`}
          onClick={() => act(item)}
          onMouseEnter={() => !item.disabled && setActive(index)}
        >
          <span>{t(item.label)}</span>
          {item.shortcut && <kbd>{item.shortcut.replaceAll('Control', 'Ctrl')}</kbd>}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
