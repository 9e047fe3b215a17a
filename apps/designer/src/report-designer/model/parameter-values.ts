import type { ReportParameter } from '@bankforge/report-engine';

function one(parameter: ReportParameter, text: string): unknown {
  const trimmed = text.trim();
  switch (parameter.type) {
    case 'number':
    case 'integer':
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
    case 'boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    default:
      return trimmed;
  }
}

/**
 * A parameter's value as typed (a default, a value for the preview): numbers and true/false read
 * as such, a list comma-separated; none when the box is empty. What does not read stays text,
 * for the check to say so.
 */
export function parameterValue(parameter: ReportParameter, text: string): unknown {
  if (text.trim() === '') return undefined;
  if (parameter.multiple) return text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => one(parameter, s));
  return one(parameter, text);
}

/** A parameter's value in a text box. */
export function parameterText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}
