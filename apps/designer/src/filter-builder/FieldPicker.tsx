import { useTranslation } from 'react-i18next';
import { useFilterHost, type FilterFieldChoice } from './builder-context.js';
import type { FilterControlProps } from './controls.js';

/** A condition's field picked by its name, grouped as the host groups them; a field no longer offered stays shown. */
export function FieldPicker({ value, fields, onChange, ...control }: FilterControlProps & { value: string; fields: readonly FilterFieldChoice[]; onChange(path: string): void }) {
  const { t } = useTranslation('filterBuilder');
  const { fieldsLoaded } = useFilterHost();
  const groups = new Map<string, FilterFieldChoice[]>();
  for (const choice of fields) groups.set(choice.group, [...(groups.get(choice.group) ?? []), choice]);
  const known = value === '' || fields.some((f) => f.path === value);
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {value === '' && <option value="">{t('fields.choose')}</option>}
      {!known && <option value={value}>{fieldsLoaded ? t('fields.unknown', { path: value }) : value}</option>}
      {[...groups].map(([group, choices]) => (
        <optgroup key={group} label={group}>
          {choices.map((choice) => (
            <option key={choice.path} value={choice.path}>
              {choice.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
