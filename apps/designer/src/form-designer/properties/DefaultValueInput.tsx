import type { FieldDefinition, MoneyValue } from '@bankforge/data-model';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../workspace/DesignerContext.js';
import { localized } from '../workspace/localized.js';

interface DefaultValueInputProps {
  field: FieldDefinition;
  value: unknown;
  /** Undefined: no default (the entity field's default applies). */
  onChange(value: unknown): void;
}

const asMoney = (value: unknown): MoneyValue => (typeof value === 'object' && value !== null ? (value as MoneyValue) : { amount: '', currency: 'CNY' });

/** The value a new record starts with, typed as the records API carries the field's values. */
export function DefaultValueInput({ field, value, onChange }: DefaultValueInputProps) {
  const { t } = useTranslation('formDesigner');
  const { language } = useDesigner();
  const id = useId();
  const label = <label htmlFor={id}>{t('properties.default')}</label>;
  switch (field.type) {
    case 'boolean':
    case 'singleSelect': {
      const choices = field.type === 'boolean' ? [{ value: 'true', text: t('properties.yes') }, { value: 'false', text: t('properties.no') }] : (field.options ?? []).map((o) => ({ value: o.value, text: localized(o.label, language) }));
      return (
        <>
          {label}
          <select id={id} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : field.type === 'boolean' ? e.target.value === 'true' : e.target.value)}>
            <option value="">{t('properties.noDefault')}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.text}
              </option>
            ))}
          </select>
        </>
      );
    }
    case 'money': {
      const money = asMoney(value);
      const set = (next: MoneyValue) => onChange(next.amount === '' ? undefined : next);
      return (
        <>
          {label}
          <div className="fd-inline">
            <input id={id} inputMode="decimal" value={money.amount} onChange={(e) => set({ ...money, amount: e.target.value })} />
            <input aria-label={t('properties.currency')} value={money.currency} maxLength={3} onChange={(e) => set({ ...money, currency: e.target.value.toUpperCase() })} />
          </div>
        </>
      );
    }
    case 'multiSelect':
      return (
        <>
          {label}
          <input id={id} aria-describedby={`${id}-hint`} value={Array.isArray(value) ? value.join(', ') : ''} onChange={(e) => {
            const list = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
            onChange(list.length === 0 ? undefined : list);
          }} />
          <small id={`${id}-hint`}>{t('properties.commaSeparated')}</small>
        </>
      );
    case 'integer':
      return (
        <>
          {label}
          <input id={id} type="number" step={1} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Math.trunc(Number(e.target.value)))} />
        </>
      );
    default:
      return (
        <>
          {label}
          <input
            id={id}
            type={field.type === 'date' ? 'date' : 'text'}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          />
        </>
      );
  }
}
