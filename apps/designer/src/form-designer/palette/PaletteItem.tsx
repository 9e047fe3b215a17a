import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { paletteDragId } from '../dnd/drag-ids.js';
import type { PaletteEntry } from '../workspace/form-actions.js';

interface PaletteItemProps {
  entry: PaletteEntry;
  label: string;
  /** A field already on the form: shown as placed, neither added nor dragged again. */
  placed?: boolean;
  onAdd(): void;
}

/** A palette entry: Enter or a click adds it where the selection is; Space or the pointer drags it. */
export function PaletteItem({ entry, label, placed = false, onAdd }: PaletteItemProps) {
  const { t } = useTranslation('formDesigner');
  const placedId = useId();
  const { attributes, listeners, setNodeRef } = useDraggable({ id: paletteDragId(entry), disabled: placed });
  const keyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || placed) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onAdd();
    }
  };
  return (
    <li>
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-disabled={placed || undefined}
        aria-describedby={placed ? placedId : attributes['aria-describedby']}
        className={`fd-palette__item${placed ? ' fd-palette__item--placed' : ''}`}
        onKeyDown={keyDown}
        onClick={() => !placed && onAdd()}
      >
        {label}
        {placed && (
          <span id={placedId} className="fd-palette__placed" aria-hidden="true">
            {t('palette.placed')}
          </span>
        )}
      </div>
    </li>
  );
}
