import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextControl } from '../../data-model/controls/Controls.js';

export interface BoundedNumberControlProps {
  label: string;
  help?: string;
  value: number | undefined;
  min: number;
  max: number;
  /** Whole numbers only (attempts, runs). */
  integer?: boolean;
  /** An empty box means "none" (undefined); otherwise a number is required. */
  optional?: boolean;
  onChange(value: number | undefined): void;
}

type Read = { ok: true; value: number | undefined } | { ok: false };

function read(text: string, { min, max, integer, optional }: Pick<BoundedNumberControlProps, 'min' | 'max' | 'integer' | 'optional'>): Read {
  if (text.trim() === '') return optional ? { ok: true, value: undefined } : { ok: false };
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) return { ok: false };
  return { ok: true, value };
}

/**
 * A number the flow's schema bounds (attempts 1–100, runs 1–10,000…): only a number in range
 * reaches the draft, so a save is never refused for it; anything else stays in the box, said wrong.
 */
export function BoundedNumberControl({ label, help, value, min, max, integer, optional, onChange }: BoundedNumberControlProps) {
  const { t } = useTranslation('flowDesigner');
  // What is typed while it is not (yet) a number the draft can take.
  const [draft, setDraft] = useState<string | null>(null);
  const bounds = { min, max, integer, optional };
  const wrong = draft !== null && !read(draft, bounds).ok;
  const message = t(integer ? 'bounded.wholeNumber' : 'bounded.number', { min, max });
  return (
    <TextControl
      label={label}
      help={help}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      min={min}
      step={integer ? 1 : 'any'}
      value={draft ?? (value === undefined ? '' : String(value))}
      onChange={(text) => {
        const result = read(text, bounds);
        setDraft(result.ok ? null : text);
        if (result.ok && result.value !== value) onChange(result.value);
      }}
      problems={wrong ? [{ path: '', code: 'outOfRange', message }] : []}
    />
  );
}
