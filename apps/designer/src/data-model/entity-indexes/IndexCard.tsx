import type { ProblemFieldError } from '@bankforge/client';
import { ENTITY_INDEX_LIMITS, INDEXABLE_SYSTEM_FIELDS, type EntityDefinition, type EntityIndex } from '@bankforge/data-model';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';
import { TextControl } from '../controls/Controls.js';
import { addIndexField, indexableFields, isIndexableSystemField, moveIndexField, removeIndexField, renameIndex } from '../entity-document/entity-indexes.js';

/** Applies an edit to the entity, then focuses the control marked `data-focus={focus}`; edits with one label coalesce into one undo step. */
export type IndexEdit = (change: (entity: EntityDefinition) => EntityDefinition, focus?: string, label?: string) => void;

export interface IndexCardProps {
  entity: EntityDefinition;
  index: EntityIndex;
  /** Where the index is in `indexes` (its problems' pointers name it). */
  position: number;
  /** The problems under `/indexes/{position}`. */
  problems: readonly ProblemFieldError[];
  onEdit: IndexEdit;
  onRemove: () => void;
}

/** One index: its key, its fields in order (each moved or removed by buttons), a field to add, and delete. */
export function IndexCard({ entity, index, position, problems, onEdit, onRemove }: IndexCardProps) {
  const { t, i18n } = useTranslation('dataModel');
  const id = useId();
  const base = `/indexes/${position}`;
  const n = position + 1;
  const zh = i18n.language.startsWith('zh');
  const messages = (list: readonly ProblemFieldError[]) => list.map((p) => problemMessage(p, i18n.language));
  const at = (path: string) => problems.filter((p) => p.path === path);
  // The pointers with a place of their own below; any other (a schema's `required`) shows at the top.
  const placed = (path: string) => path === `${base}/key` || path === `${base}/fields` || path.startsWith(`${base}/fields/`);
  const general = messages(problems.filter((p) => !placed(p.path)));
  const listErrors = messages(at(`${base}/fields`));

  const nameOf = (key: string): string => {
    if (isIndexableSystemField(key)) return t(`indexes.system.${key}`);
    const field = entity.fields.find((f) => f.key === key);
    const label = field && (zh ? field.label['zh-CN'] : field.label.en);
    return label && label !== key ? `${label} (${key})` : key;
  };
  const fieldChoices = indexableFields(entity.fields).filter((f) => !index.fields.includes(f.key));
  const systemChoices = INDEXABLE_SYSTEM_FIELDS.filter((s) => !index.fields.includes(s));
  const firstChoice = fieldChoices[0]?.key ?? systemChoices[0] ?? '';
  const [chosen, setChosen] = useState('');
  // What was chosen may since have been added (or deleted): then the first one left.
  const toAdd = chosen !== '' && [...fieldChoices.map((f) => f.key), ...systemChoices].includes(chosen) ? chosen : firstChoice;
  const full = index.fields.length >= ENTITY_INDEX_LIMITS.fields;

  const move = (j: number, delta: -1 | 1) => {
    const to = j + delta;
    // The focus stays on the moved field's button, or its other one once it reaches an end (a disabled button drops the focus).
    const atEnd = to === 0 || to === index.fields.length - 1;
    const direction = delta === -1 ? (atEnd ? 'down' : 'up') : atEnd ? 'up' : 'down';
    onEdit((e) => moveIndexField(e, position, j, delta), `${direction}:${position}:${to}`);
  };

  return (
    <fieldset className="index-card" data-testid={`index-${index.key}`}>
      <legend>{t('indexes.group', { n })}</legend>
      {general.length > 0 && (
        <ul className="field-errors">
          {general.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      <TextControl
        label={t('indexes.key', { n })}
        help={t('indexes.keyHelp')}
        value={index.key}
        spellCheck={false}
        problems={at(`${base}/key`)}
        inputRef={(element) => element?.setAttribute('data-focus', `key:${position}`)}
        onChange={(key) => onEdit((e) => renameIndex(e, position, key), undefined, `index:${position}:key`)}
      />
      <p className="label" id={`${id}-fields`}>
        {t('indexes.fields', { n })}
      </p>
      {index.fields.length === 0 ? (
        <p className="empty-state">{t('indexes.noFields')}</p>
      ) : (
        <ol className="index-fields" aria-labelledby={`${id}-fields`} aria-describedby={listErrors.length > 0 ? `${id}-list-errors` : undefined}>
          {index.fields.map((name, j) => {
            const errors = messages(at(`${base}/fields/${j}`));
            const describedBy = errors.length > 0 ? `${id}-errors-${j}` : undefined;
            const labels = { name, n };
            return (
              <li key={`${name}-${j}`} className="index-field" data-testid={`index-field-${name}`}>
                <span className="index-field-name">{nameOf(name)}</span>
                <span className="row-actions">
                  <button type="button" data-focus={`up:${position}:${j}`} aria-label={t('indexes.moveUp', labels)} aria-describedby={describedBy} disabled={j === 0} onClick={() => move(j, -1)}>
                    ↑
                  </button>
                  <button type="button" data-focus={`down:${position}:${j}`} aria-label={t('indexes.moveDown', labels)} aria-describedby={describedBy} disabled={j === index.fields.length - 1} onClick={() => move(j, 1)}>
                    ↓
                  </button>
                  <button type="button" aria-label={t('indexes.removeField', labels)} aria-describedby={describedBy} onClick={() => onEdit((e) => removeIndexField(e, position, j), `choose:${position}`)}>
                    ✕
                  </button>
                </span>
                {errors.length > 0 && (
                  <ul id={describedBy} className="field-errors">
                    {errors.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {listErrors.length > 0 && (
        <ul id={`${id}-list-errors`} className="field-errors">
          {listErrors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      <div className="index-add-field">
        <label htmlFor={`${id}-choose`}>{t('indexes.fieldToAdd', { n })}</label>
        <select id={`${id}-choose`} data-focus={`choose:${position}`} value={toAdd} disabled={full || firstChoice === ''} aria-describedby={full ? `${id}-full` : undefined} onChange={(e) => setChosen(e.target.value)}>
          {fieldChoices.length > 0 && (
            <optgroup label={t('indexes.entityFields')}>
              {fieldChoices.map((f) => (
                <option key={f.key} value={f.key}>
                  {nameOf(f.key)}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('indexes.systemFields')}>
            {systemChoices.map((s) => (
              <option key={s} value={s}>
                {nameOf(s)}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="button" disabled={full || toAdd === ''} onClick={() => onEdit((e) => addIndexField(e, position, toAdd), index.fields.length + 1 < ENTITY_INDEX_LIMITS.fields ? `choose:${position}` : `key:${position}`)}>
          {t('indexes.addField', { n })}
        </button>
        {full && (
          <p id={`${id}-full`} className="help">
            {t('indexes.maxFields', { max: ENTITY_INDEX_LIMITS.fields })}
          </p>
        )}
      </div>
      <button type="button" className="index-remove" onClick={onRemove}>
        {t('indexes.remove', { n, key: index.key })}
      </button>
    </fieldset>
  );
}
