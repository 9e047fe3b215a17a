// Both databases store an instant as UTC text `YYYY-MM-DD HH:MM:SS.mmm` (TEXT on SQLite, DATETIME(3)
// on MySQL/MariaDB): compared as stored, it orders as time does, and the drivers hand it back as text.

/** `2024-03-01T08:00:00.000Z` -> `2024-03-01 08:00:00.000`: how an instant (already UTC, canonical) is stored. */
export function toStoredDatetime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** A stored instant as ISO 8601 UTC with milliseconds (MySQL drops a zero fraction); null for no value. */
export function fromStoredDatetime(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const fraction = text.length > 19 ? text.slice(20, 23).padEnd(3, '0') : '000';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`;
}
