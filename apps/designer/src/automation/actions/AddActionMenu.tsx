import { AUTOMATION_ACTION_TYPES, type AutomationActionType } from '@bankforge/flow-engine';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** "Add action": a menu button over the nine types (arrow keys move, Enter picks, Escape closes and returns to the button). */
export function AddActionMenu({ onAdd }: { onAdd(type: AutomationActionType): void }) {
  const { t } = useTranslation('automationDesigner');
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = items.current.findIndex((item) => item === document.activeElement);
    const last = AUTOMATION_ACTION_TYPES.length - 1;
    const to =
      event.key === 'ArrowDown' ? (at >= last ? 0 : at + 1)
      : event.key === 'ArrowUp' ? (at <= 0 ? last : at - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (to !== null) {
      event.preventDefault();
      items.current[to]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close();
    }
  };

  return (
    <div className="automation-add-menu">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((o) => !o)}>
        {t('actions.add')}
      </button>
      {open && (
        <ul
          id={id}
          role="menu"
          aria-label={t('actions.menu')}
          className="automation-menu"
          onKeyDown={onKeyDown}
          // A click or the focus elsewhere closes the menu (the button toggles it itself).
          onBlur={(event) => {
            const next = event.relatedTarget;
            if (!(next instanceof Node) || (!event.currentTarget.contains(next) && next !== button.current)) setOpen(false);
          }}
        >
          {AUTOMATION_ACTION_TYPES.map((type, i) => (
            <li key={type} role="none">
              <button
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  onAdd(type);
                  setOpen(false);
                }}
              >
                {t(`actions.types.${type}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
