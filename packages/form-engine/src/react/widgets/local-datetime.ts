const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A stored UTC date-time as the browser's local `YYYY-MM-DDTHH:mm` (what `<input
 * type=datetime-local>` shows); seconds are kept when there are any. Empty for anything else.
 */
export function utcToLocalInput(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const minutes = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 ? minutes : `${minutes}:${pad(date.getSeconds())}`;
}

/** The browser's local `YYYY-MM-DDTHH:mm[:ss]` as the UTC ISO string records carry; null when empty or not a date-time. */
export function localInputToUtc(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return null;
  // A date-time without an offset is read as local time (ECMAScript Date Time String Format).
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
