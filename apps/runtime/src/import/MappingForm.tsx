import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@bankforge/data-model';
import type { ImportColumn, ImportMatchRule } from '@bankforge/client';
import { localized } from '../shell/localized.js';
import { requiredColumns } from './required-fields.js';

export interface MappingFormProps {
  columns: ImportColumn[];
  match: ImportMatchRule;
  fields: readonly FieldDefinition[];
  disabled: boolean;
  /** The required fields no column maps to while rows create records: said under the table, and the runs wait for them. */
  missing: readonly FieldDefinition[];
  onColumns: (columns: ImportColumn[]) => void;
  onMatch: (match: ImportMatchRule) => void;
}

/** The id of the warning naming required fields no column maps to: the run buttons it holds back point to it. */
export const MISSING_REQUIRED_ID = 'import-missing-required';

/** Field labels as a list in the UI language: "Full name and Mobile", "姓名和手机号码". */
export function fieldList(labels: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(labels);
}

/** Fields a row can be matched by, as the server allows: a resident ID, a mobile, a unique field. */
export function matchableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.type === 'residentId' || f.type === 'mobile' || f.unique === true);
}

/** The file's columns, each with the field it fills (editable), and how rows find existing records. */
export function MappingForm({ columns, match, fields, disabled, missing, onColumns, onMatch }: MappingFormProps) {
  const { t, i18n } = useTranslation('import');
  const importable = fields.filter((f) => f.type !== 'autoNumber');
  const label = (f: FieldDefinition): string => localized(f.label, i18n.language);
  const required = new Set(requiredColumns(fields).map((f) => f.key));
  return (
    <>
      <h2 id="import-mapping">{t('mapping')}</h2>
      <div className="grid-scroller">
        <table className="record-grid import-mapping" aria-labelledby="import-mapping">
          <thead>
            <tr>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('field')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, index) => (
              <tr key={`${index}:${column.header}`}>
                <th scope="row">{column.header}</th>
                <td>
                  <select
                    aria-label={t('fieldFor', { column: column.header })}
                    value={column.field ?? ''}
                    disabled={disabled}
                    onChange={(e) => onColumns(columns.map((c, i) => (i === index ? { ...c, field: e.target.value === '' ? null : e.target.value } : c)))}
                  >
                    <option value="">{t('notImported')}</option>
                    {importable.map((f) => (
                      <option key={f.key} value={f.key}>
                        {required.has(f.key) ? t('requiredOption', { label: label(f) }) : label(f)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <p id={MISSING_REQUIRED_ID} className="notice">
          {t('requiredMissing', { fields: fieldList(missing.map(label), i18n.language) })}
        </p>
      )}
      <fieldset className="import-match" disabled={disabled}>
        <legend>{t('matchTitle')}</legend>
        <label>
          {t('matchField')}
          <select value={match.field} onChange={(e) => onMatch({ ...match, field: e.target.value })}>
            {matchableFields(fields).map((f) => (
              <option key={f.key} value={f.key}>
                {label(f)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('onMatch')}
          <select value={match.onMatch} onChange={(e) => onMatch({ ...match, onMatch: e.target.value as ImportMatchRule['onMatch'] })}>
            <option value="update">{t('update')}</option>
            <option value="skip">{t('skipMatch')}</option>
          </select>
        </label>
        <label>
          {t('onNew')}
          <select value={match.onNew} onChange={(e) => onMatch({ ...match, onNew: e.target.value as ImportMatchRule['onNew'] })}>
            <option value="create">{t('create')}</option>
            <option value="skip">{t('skipNew')}</option>
          </select>
        </label>
      </fieldset>
    </>
  );
}
