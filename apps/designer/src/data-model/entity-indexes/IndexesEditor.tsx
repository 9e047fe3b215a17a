import type { ProblemFieldError } from '@bankforge/client';
import { ENTITY_INDEX_LIMITS, type EntityDefinition } from '@bankforge/data-model';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemsUnder } from '../../shell/api/problems.js';
import { addIndex, removeIndex } from '../entity-document/entity-indexes.js';
import { IndexCard, type IndexEdit } from './IndexCard.js';

export interface IndexesEditorProps {
  entity: EntityDefinition;
  problems: readonly ProblemFieldError[];
  onChange: (change: (entity: EntityDefinition) => EntityDefinition, label?: string) => void;
}

/** The entity's composite indexes: each a key and fields in order, for the reports that read many records. */
export function IndexesEditor({ entity, problems, onChange }: IndexesEditorProps) {
  const { t, i18n } = useTranslation('dataModel');
  const indexes = entity.indexes ?? [];
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  // A control to focus once the edit that moved or removed the focused one has rendered.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    container.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]`)?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a focus request is done once served; the focus needs the committed DOM
    setFocusTarget(null);
  }, [focusTarget]);

  const full = indexes.length >= ENTITY_INDEX_LIMITS.indexes;
  // Problems about the list as a whole (too many indexes) show above it.
  const general = problems.filter((p) => p.path === '/indexes');
  const edit: IndexEdit = (change, focus, label) => {
    onChange(change, label);
    if (focus) setFocusTarget(focus);
  };

  return (
    <div className="entity-properties entity-indexes" ref={container}>
      <h2>{t('indexes.title')}</h2>
      <p className="help">{t('indexes.help')}</p>
      {general.length > 0 && (
        <ul className="field-errors">
          {general.map((p, i) => (
            <li key={i}>{problemMessage(p, i18n.language)}</li>
          ))}
        </ul>
      )}
      {indexes.length === 0 && <p className="empty-state">{t('indexes.none')}</p>}
      {indexes.map((index, i) => (
        <IndexCard
          key={i}
          entity={entity}
          index={index}
          position={i}
          problems={problemsUnder(problems, `/indexes/${i}`)}
          onEdit={edit}
          onRemove={() => edit((e) => removeIndex(e, i), 'add-index')}
        />
      ))}
      <div className="index-add">
        <button type="button" className="primary" data-focus="add-index" disabled={full} aria-describedby={full ? `${id}-limit` : undefined} onClick={() => edit(addIndex, `key:${indexes.length}`)}>
          {t('indexes.add')}
        </button>
        {full && (
          <p id={`${id}-limit`} className="help">
            {t('indexes.maxIndexes', { max: ENTITY_INDEX_LIMITS.indexes })}
          </p>
        )}
      </div>
    </div>
  );
}
