import type { HTMLAttributes, KeyboardEvent, Ref } from 'react';
import { useDesigner } from '../workspace/DesignerContext.js';

interface SelectableHeaderProps extends HTMLAttributes<HTMLDivElement> {
  /** The node, column or tab this header selects. */
  target: string;
  label: string;
  /** A small visible hint of the kind of item (not part of its accessible name). */
  kind?: string;
  headerRef?: Ref<HTMLDivElement>;
  /** Delete key: remove the item (nodes only). */
  onDelete?: () => void;
}

/**
 * The focusable, selectable handle of a canvas item: a button named by the item's label. Enter
 * (or a click) selects, Delete removes; drag listeners given by the caller come along.
 */
export function SelectableHeader({ target, label, kind, headerRef, onDelete, onKeyDown, className, children, ...rest }: SelectableHeaderProps) {
  const { selected, select } = useDesigner();
  const isSelected = selected === target;
  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      select(target);
    } else if (event.key === 'Delete' && onDelete) {
      event.preventDefault();
      onDelete();
    }
  };
  return (
    <div
      role="button"
      tabIndex={0}
      {...rest}
      ref={headerRef}
      aria-label={label}
      aria-pressed={isSelected}
      data-target={target}
      className={`fd-header${isSelected ? ' fd-header--selected' : ''}${className ? ` ${className}` : ''}`}
      onClick={() => select(target)}
      onKeyDown={keyDown}
    >
      <span className="fd-header__label">{label}</span>
      {kind && (
        <span className="fd-header__kind" aria-hidden="true">
          {kind}
        </span>
      )}
      {children}
    </div>
  );
}
