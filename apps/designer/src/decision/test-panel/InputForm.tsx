import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValues, InputError, InputField } from './input-fields.js';

export interface InputFormProps {
  fields: readonly InputField[];
  values: FormValues;
  errors: Readonly<Record<string, InputError>>;
  onChange(values: FormValues): void;
}

/** One typed field per input data: numbers, strings (a select when the values are listed), booleans, dates. */
export function InputForm({ fields, values, errors, onChange }: InputFormProps) {
  const { t } = useTranslation('decisionTests');
  if (fields.length === 0) return <p className="help">{t('inputs.none')}</p>;
  return (
    <div className="dt-inputs">
      {fields.map((field) => (
        <InputControl
          key={field.name}
          field={field}
          value={values[field.name] ?? ''}
          error={errors[field.name]}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
        />
      ))}
    </div>
  );
}

function InputControl({
  field,
  value,
  error,
  onChange,
}: {
  field: InputField;
  value: string;
  error: InputError | undefined;
  onChange(value: string): void;
}) {
  const { t } = useTranslation('decisionTests');
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hint =
    field.kind === 'text' ? t('inputs.textHint') : field.kind === 'json' ? t('inputs.jsonHint') : undefined;
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described } as const;
  const notGiven = <option value="">{t('inputs.notGiven')}</option>;

  let control;
  if (field.options) {
    control = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {notGiven}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'boolean') {
    control = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {notGiven}
        <option value="true">{t('inputs.true')}</option>
        <option value="false">{t('inputs.false')}</option>
      </select>
    );
  } else if (field.kind === 'json') {
    control = <textarea {...common} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const type = field.kind === 'date' ? 'date' : field.kind === 'dateTime' ? 'datetime-local' : 'text';
    // Numbers stay text: a money amount keeps every digit, and a number field would hide a typo.
    const inputMode = field.kind === 'number' ? 'decimal' : undefined;
    control = (
      <input
        {...common}
        type={type}
        inputMode={inputMode}
        step={field.kind === 'dateTime' ? 1 : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }

  return (
    <div className="form-row">
      <label htmlFor={id}>{field.name}</label>
      {control}
      {hint && (
        <span id={hintId} className="help">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error">
          {t(`inputs.error.${error}`)}
        </span>
      )}
    </div>
  );
}
