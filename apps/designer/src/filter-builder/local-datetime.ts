/**
 * A date-time filter value is an instant (ISO 8601); the analyst types it in their own time zone
 * in the browser's date-time box (`2026-03-31T18:00`).
 */
export function toLocalInput(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const time = Date.parse(value);
  if (Number.isNaN(time)) return '';
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The box's local date and time as an instant; an empty box as an empty value (the check says a value is missing). */
export function fromLocalInput(text: string): string {
  if (text === '') return '';
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}
