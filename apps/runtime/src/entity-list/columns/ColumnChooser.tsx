import type { FieldDefinition } from '@bankforge/data-model';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../shell/localized.js';
import type { ColumnVisibility } from './column-choice.js';

export interface ColumnChooserProps {
  fields: readonly FieldDefinition[];
  visibility: ColumnVisibility;
  onChange(visibility: ColumnVisibility): void;
}

/** A disclosure listing every column with a checkbox; the last shown column cannot be hidden. */
export function ColumnChooser({ fields, visibility, onChange }: ColumnChooserProps) {
  const { t, i18n } = useTranslation('list');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const shown = fields.filter((field) => visibility[field.key] !== false).length;
  return (
    <div className="column-chooser" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('columns.button')}
      </button>
      {open && (
        <fieldset id={panelId} className="column-panel">
          <legend>{t('columns.legend')}</legend>
          {fields.map((field) => {
            const checked = visibility[field.key] !== false;
            return (
              <label key={field.key}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={checked && shown === 1}
                  onChange={(event) => onChange({ ...visibility, [field.key]: event.target.checked })}
                />
                {localized(field.label, i18n.language)}
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
