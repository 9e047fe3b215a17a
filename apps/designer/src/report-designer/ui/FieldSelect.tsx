import { useTranslation } from 'react-i18next';
import type { ReportFieldChoice } from '../model/fields.js';
import type { ControlProps } from './controls.js';
import { entityName, fieldName, originName } from './field-names.js';
import { useReportEditing } from './report-context.js';

export interface FieldSelectProps extends ControlProps {
  value: string | undefined;
  onChange(path: string): void;
  /** Which fields fit (a dimension groups, a sum adds numbers); the current value is listed even when it does not. */
  accept?(choice: ReportFieldChoice): boolean;
  /** The first choice, standing for no field (`Rows` for a count); without it, a prompt that cannot be chosen. */
  empty?: string;
  /** The fields to pick from, when not the report's (a join's children). */
  fields?: readonly ReportFieldChoice[];
  'aria-label'?: string;
}

/** A field of the report picked by its label, grouped by where it comes from (the source, each join, calculated). */
export function FieldSelect({ value, onChange, accept = () => true, empty, fields, ...control }: FieldSelectProps) {
  const { t } = useTranslation('reportDesigner');
  const editing = useReportEditing();
  const all = fields ?? editing.fields;
  const shown = all.filter((f) => f.path === value || accept(f));
  const groups = new Map<string, ReportFieldChoice[]>();
  for (const choice of shown) {
    const group = originName(choice.origin, editing.catalog, editing.language, t);
    groups.set(group, [...(groups.get(group) ?? []), choice]);
  }
  const known = value === undefined || value === '' || all.some((f) => f.path === value);
  const unknown = editing.loaded ? t('fields.unknown', { path: value }) : value;
  return (
    <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined ? <option value="">{empty}</option> : (value === undefined || value === '') && <option value="">{t('fields.choose')}</option>}
      {!known && <option value={value}>{unknown}</option>}
      {[...groups].map(([group, choices]) => (
        <optgroup key={group} label={group}>
          {choices.map((choice) => (
            <option key={choice.path} value={choice.path}>
              {/* A closed select shows the option alone: a join's field says whose it is (Branch · Name). */}
              {choice.origin.kind === 'join' ? `${entityName(editing.catalog, choice.origin.entity, editing.language)} · ${fieldName(choice, editing.language, t)}` : fieldName(choice, editing.language, t)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
