import type { EntityDefinition } from '@bankforge/data-model';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { writableFields } from '../../model/fields.js';
import { fieldChoices, fieldName } from '../../ui/choices.js';
import { ControlProblems, FeelControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';

export interface ValuesTableProps {
  entity: EntityDefinition | undefined;
  values: Record<string, string>;
  onChange(values: Record<string, string>, label?: string): void;
  /** `actions.2.values`: where the server's problems about these values are addressed. */
  control: string;
  names: readonly string[];
  help: string;
}

/** Field -> FEEL value rows: a field picked from the entity's published definition, its value an expression. */
export function ValuesTable({ entity, values, onChange, control, names, help }: ValuesTableProps) {
  const { t } = useTranslation('automationDesigner');
  const { language } = useAutomationEditing();
  const id = useId();
  const used = Object.keys(values);
  const free = writableFields(entity).filter((f) => !used.includes(f.key));
  return (
    <div className="automation-values">
      <ControlProblems id={`${id}-problems`} control={control} />
      {used.map((key) => {
        const name = fieldName(entity, key, language);
        return (
          <div key={key} className="automation-values__row">
            <FeelControl label={t('actions.valueFor', { field: name })} control={`${control}.${key}`} value={values[key] ?? ''} names={names} onChange={(v) => onChange({ ...values, [key]: v }, `${control}.${key}`)} />
            <button
              type="button"
              aria-label={t('actions.removeValue', { field: name })}
              onClick={() => {
                const { [key]: _removed, ...rest } = values;
                onChange(rest);
              }}
            >
              ✕
            </button>
          </div>
        );
      })}
      {used.length > 0 && <p className="help">{help}</p>}
      {entity ? (
        <div className="form-row">
          <label htmlFor={`${id}-add`}>{t('actions.addValue')}</label>
          <select id={`${id}-add`} value="" disabled={free.length === 0} onChange={(e) => e.target.value && onChange({ ...values, [e.target.value]: '' })}>
            <option value="">{t('actions.chooseField')}</option>
            {fieldChoices(free, language).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="help">{t('actions.noEntity')}</p>
      )}
    </div>
  );
}
