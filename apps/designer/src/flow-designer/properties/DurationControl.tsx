import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemFieldError } from '@bankforge/client';
import { TextControl } from '../../data-model/controls/Controls.js';
import { FieldErrors } from './FieldErrors.js';

const UNITS = ['minutes', 'hours', 'days'] as const;
type Unit = (typeof UNITS)[number];

/** `PT30M`, `PT48H`, `P3D` as an amount and a unit; undefined for any other ISO 8601 duration. */
export function readDuration(iso: string): { amount: number; unit: Unit } | undefined {
  const m = /^P(?:(\d+)D|T(\d+)H|T(\d+)M)$/.exec(iso);
  if (m === null) return undefined;
  if (m[1] !== undefined) return { amount: Number(m[1]), unit: 'days' };
  if (m[2] !== undefined) return { amount: Number(m[2]), unit: 'hours' };
  return { amount: Number(m[3]), unit: 'minutes' };
}

export function writeDuration(amount: number, unit: Unit): string {
  return unit === 'days' ? `P${amount}D` : unit === 'hours' ? `PT${amount}H` : `PT${amount}M`;
}

/**
 * A duration as an analyst says it ("48 hours", "3 days"); one the designer did not write (`P1DT4H`)
 * is shown and edited as its ISO 8601 text.
 */
export function DurationControl({ label, value, onChange, problems }: { label: string; value: string; onChange(value: string): void; problems: readonly ProblemFieldError[] }) {
  const { t } = useTranslation('flowDesigner');
  const id = useId();
  const read = readDuration(value);
  if (read === undefined) return <TextControl label={t('duration.iso', { label })} value={value} onChange={onChange} problems={problems} spellCheck={false} />;
  return (
    <fieldset className="flow-duration">
      <legend>{label}</legend>
      <label htmlFor={`${id}-amount`}>{t('duration.amount')}</label>
      <input id={`${id}-amount`} type="number" min={1} step={1} value={read.amount} onChange={(e) => onChange(writeDuration(Math.max(0, Math.trunc(Number(e.target.value))), read.unit))} />
      <label htmlFor={`${id}-unit`}>{t('duration.unit')}</label>
      <select id={`${id}-unit`} value={read.unit} onChange={(e) => onChange(writeDuration(read.amount, e.target.value as Unit))}>
        {UNITS.map((u) => (
          <option key={u} value={u}>{t(`duration.${u}`)}</option>
        ))}
      </select>
      <FieldErrors problems={problems} />
    </fieldset>
  );
}
