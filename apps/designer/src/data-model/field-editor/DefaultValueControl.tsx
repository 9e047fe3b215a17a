import type { ProblemFieldError } from '@bankforge/client';
import type { FieldDefinition, MoneyValue } from '@bankforge/data-model';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListControl, SelectControl, TextControl } from '../controls/Controls.js';

export interface DefaultValueControlProps {
  field: FieldDefinition;
  /** undefined clears the default. */
  onChange: (value: unknown) => void;
  problems: readonly ProblemFieldError[];
}

function isMoney(value: unknown): value is MoneyValue {
  return typeof value === 'object' && value !== null && 'amount' in value;
}

/** The default value, edited as the records API carries values of the field's type. */
export function DefaultValueControl({ field, onChange, problems }: DefaultValueControlProps) {
  const { t } = useTranslation('dataModel');
  const label = t('field.default');
  const value = field.default;

  switch (field.type) {
    case 'boolean':
      return (
        <SelectControl
          label={label}
          problems={problems}
          value={value === true ? 'true' : value === false ? 'false' : ''}
          choices={[
            { value: '', label: t('field.defaultNone') },
            { value: 'true', label: t('field.defaultTrue') },
            { value: 'false', label: t('field.defaultFalse') },
          ]}
          onChange={(v) => onChange(v === '' ? undefined : v === 'true')}
        />
      );
    case 'singleSelect':
      return (
        <SelectControl
          label={label}
          problems={problems}
          value={typeof value === 'string' ? value : ''}
          choices={[{ value: '', label: t('field.defaultNone') }, ...(field.options ?? []).filter((o) => o.value !== '').map((o) => ({ value: o.value, label: o.value }))]}
          onChange={(v) => onChange(v === '' ? undefined : v)}
        />
      );
    case 'multiSelect':
      return <ListControl label={label} help={t('field.defaultListHelp')} problems={problems} value={Array.isArray(value) ? (value as string[]) : []} onChange={(list) => onChange(list.length === 0 ? undefined : list)} />;
    case 'integer':
      return <TextControl label={label} problems={problems} type="number" inputMode="numeric" value={typeof value === 'number' ? String(value) : ''} onChange={(v) => onChange(v.trim() === '' ? undefined : Number(v))} />;
    case 'money': {
      const money = isMoney(value) ? value : { amount: '', currency: '' };
      const set = (next: MoneyValue) => onChange(next.amount === '' && next.currency === '' ? undefined : next);
      return (
        <div className="form-pair">
          <TextControl label={t('field.defaultAmount')} problems={problems} inputMode="decimal" value={money.amount} onChange={(amount) => set({ ...money, amount })} />
          <TextControl label={t('field.defaultCurrency')} value={money.currency} spellCheck={false} onChange={(currency) => set({ ...money, currency: currency.toUpperCase() })} />
        </div>
      );
    }
    case 'json':
      return <JsonDefault label={label} value={value} onChange={onChange} problems={problems} />;
    case 'date':
      return <TextControl label={label} problems={problems} type="date" value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v === '' ? undefined : v)} />;
    default:
      // Decimals stay strings (exact); datetimes are ISO UTC; the rest are text.
      return (
        <TextControl
          label={label}
          problems={problems}
          inputMode={field.type === 'decimal' || field.type === 'percentage' ? 'decimal' : undefined}
          placeholder={field.type === 'datetime' ? '2026-01-31T09:00:00Z' : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v === '' ? undefined : v)}
          multiline={field.type === 'longText'}
        />
      );
  }
}

/** JSON is kept as typed until it parses; only a valid document becomes the default. */
function JsonDefault({ label, value, onChange, problems }: { label: string; value: unknown; onChange: (value: unknown) => void; problems: readonly ProblemFieldError[] }) {
  const { t } = useTranslation('dataModel');
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [invalid, setInvalid] = useState(false);
  return (
    <TextControl
      label={label}
      multiline
      help={invalid ? t('field.defaultJsonInvalid') : undefined}
      problems={problems}
      value={text}
      onChange={(next) => {
        setText(next);
        if (next.trim() === '') {
          setInvalid(false);
          onChange(undefined);
          return;
        }
        try {
          onChange(JSON.parse(next) as unknown);
          setInvalid(false);
        } catch {
          setInvalid(true);
        }
      }}
    />
  );
}
