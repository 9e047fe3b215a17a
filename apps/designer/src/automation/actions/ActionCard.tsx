import type { AutomationAction } from '@bankforge/flow-engine';
import { useSortable } from '@dnd-kit/sortable';
import { useId, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { moveKey } from '../model/actions.js';
import { problemControl } from '../model/problem-paths.js';
import { withOptional } from '../model/trigger.js';
import { ControlProblems, TextControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { DuplicateIcon } from '../../shell/DuplicateIcon.js';
import { ActionEditor } from './ActionEditor.js';

export interface ActionCardProps {
  ref?: Ref<HTMLLIElement>;
  action: AutomationAction;
  index: number;
  count: number;
  /** "2. Add or remove tags": names the card and its buttons. */
  name: string;
  onChange(action: AutomationAction, label?: string): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  onDuplicate(): void;
}

/** One action: its name, move/duplicate/remove, the `as` name of its result, and its type's editor. */
export function ActionCard({ ref, action, index, count, name, onChange, onMove, onRemove, onDuplicate }: ActionCardProps) {
  const { t } = useTranslation('automationDesigner');
  const { problems } = useAutomationEditing();
  const headingId = useId();
  const control = `actions.${index}`;
  const mine = problems.filter((p) => problemControl(p.path).startsWith(`${control}.`) || problemControl(p.path) === control).length;

  // Alt+ArrowUp/Down anywhere in the card moves it (a FEEL editor's own Alt+arrow use is rare; the card wins).
  const onKeyDown = (event: KeyboardEvent) => {
    const by = moveKey(event);
    if (by === null) return;
    event.preventDefault();
    event.stopPropagation();
    onMove(by);
  };

  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: action.id });
  const setRefs = (element: HTMLLIElement | null) => {
    setNodeRef(element);
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  };
  const style = { transform: transform ? `translate3d(0, ${transform.y}px, 0)` : undefined, transition };

  return (
    <li
      ref={setRefs}
      style={style}
      tabIndex={-1}
      className={`automation-action${isDragging ? ' automation-action--dragging' : ''}`}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      data-action-type={action.type}
    >
      <div className="automation-action__header">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="automation-action__handle"
          {...attributes}
          {...listeners}
          aria-label={t('actions.drag.handle', { name })}
          title={t('actions.drag.handle', { name })}
        >
          ⠿
        </button>
        <h3 id={headingId}>{name}</h3>
        {mine > 0 && <span className="badge badge-error">{t('problemsHere', { count: mine })}</span>}
        <span className="toolbar-spacer" />
        <div className="button-row" role="group" aria-label={name}>
          <button type="button" disabled={index === 0} aria-label={t('actions.moveUp', { name })} title={t('actions.moveUp', { name })} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" disabled={index === count - 1} aria-label={t('actions.moveDown', { name })} title={t('actions.moveDown', { name })} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" aria-label={t('actions.duplicate', { name })} title={t('actions.duplicate', { name })} onClick={onDuplicate}>
            <DuplicateIcon />
          </button>
          <button type="button" className="danger" aria-label={t('actions.remove', { name })} title={t('actions.remove', { name })} onClick={onRemove}>
            ✕
          </button>
        </div>
      </div>
      <ControlProblems id={`${headingId}-problems`} control={control} />
      <ActionEditor action={action} index={index} onChange={onChange} />
      <TextControl
        label={t('actions.as')}
        control={`${control}.as`}
        value={action.as ?? ''}
        help={t('actions.asHelp')}
        onChange={(as) => onChange(withOptional(action, 'as', as), `${control}.as`)}
      />
    </li>
  );
}
