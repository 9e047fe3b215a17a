import type { ItemDefinition } from '@bankforge/rule-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** FEEL's own types; a model's item definitions are offered after them. */
export const FEEL_TYPES = ['string', 'number', 'boolean', 'date', 'time', 'date and time', 'days and time duration', 'years and months duration', 'Any'];

export interface TypeSelectProps {
  label: string;
  value: string | undefined;
  itemDefinitions: readonly ItemDefinition[];
  /** `''`: no type. */
  onChange(typeRef: string): void;
}

/** A type reference: FEEL's types, then the model's item definitions (a type the list lacks is kept and shown). */
export function TypeSelect({ label, value, itemDefinitions, onChange }: TypeSelectProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const types = [...FEEL_TYPES, ...itemDefinitions.map((d) => d.name)];
  if (value && !types.includes(value)) types.push(value);
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('element.noType')}</option>
        {types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
    </div>
  );
}
