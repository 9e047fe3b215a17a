import type { ProblemFieldError } from '@bankforge/client';
import { FIELD_TYPES, type FieldDefinition, type FieldType } from '@bankforge/data-model';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsUnder } from '../../shell/api/problems.js';

export interface FieldListProps {
  fields: readonly FieldDefinition[];
  selectedId: string | null;
  problems: readonly ProblemFieldError[];
  onSelect: (id: string) => void;
  onAdd: (type: FieldType) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/** The entity's fields in order: select one to edit, move it with buttons, delete it, or add a new one. */
export function FieldList({ fields, selectedId, problems, onSelect, onAdd, onMove, onRemove }: FieldListProps) {
  const { t, i18n } = useTranslation('dataModel');
  const id = useId();
  const [type, setType] = useState<FieldType>('text');
  const zh = i18n.language.startsWith('zh');
  const selectButtons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // After a delete, focus goes to the field that took its place (or Add field), not to the page.
  const [focusAfterRemove, setFocusAfterRemove] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (focusAfterRemove === undefined) return;
    (focusAfterRemove === null ? addButton.current : selectButtons.current.get(focusAfterRemove))?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a focus request is done once served; the focus needs the committed DOM
    setFocusAfterRemove(undefined);
  }, [focusAfterRemove]);
  const remove = (index: number) => {
    setFocusAfterRemove(fields[index + 1]?.id ?? fields[index - 1]?.id ?? null);
    onRemove(index);
  };

  return (
    <div className="field-list">
      <div className="add-field">
        <label htmlFor={`${id}-type`}>{t('fields.addType')}</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as FieldType)}>
          {FIELD_TYPES.map((ft) => (
            <option key={ft} value={ft}>
              {t(`types.${ft}`)}
            </option>
          ))}
        </select>
        <button ref={addButton} type="button" className="primary" onClick={() => onAdd(type)}>
          {t('fields.add')}
        </button>
      </div>
      {fields.length === 0 ? (
        <p className="empty-state">{t('fields.none')}</p>
      ) : (
        <ol aria-label={t('fields.listLabel')} className="field-rows">
          {fields.map((field, i) => {
            const name = field.key;
            const count = problemsUnder(problems, `/fields/${i}`).length;
            return (
              <li key={field.id} className={`field-row ${field.id === selectedId ? 'selected' : ''}`} data-testid={`field-row-${field.key}`}>
                <button
                  ref={(element) => {
                    if (element) selectButtons.current.set(field.id, element);
                    else selectButtons.current.delete(field.id);
                  }}
                  type="button"
                  className="field-select"
                  aria-pressed={field.id === selectedId} aria-label={t('fields.select', { name })} onClick={() => onSelect(field.id)}>
                  <span className="field-row-label">{(zh ? field.label['zh-CN'] : field.label.en) || field.key}</span>
                  <code className="field-row-key">{field.key}</code>
                  <span className="field-row-type">{t(`types.${field.type}`)}</span>
                  {field.required && <span className="badge">{t('field.required')}</span>}
                  {count > 0 && <span className="badge badge-error">{t('fields.problems', { count })}</span>}
                </button>
                <span className="row-actions">
                  <button type="button" aria-label={t('fields.moveUp', { name })} disabled={i === 0} onClick={() => onMove(i, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={t('fields.moveDown', { name })} disabled={i === fields.length - 1} onClick={() => onMove(i, 1)}>
                    ↓
                  </button>
                  <button type="button" aria-label={t('fields.remove', { name })} onClick={() => remove(i)}>
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
