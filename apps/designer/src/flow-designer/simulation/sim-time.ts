/**
 * Times in the bank's zone: the calendar's time zone is where "09:00" and "3 business days" are
 * counted, so the simulation's clock is entered and shown there, whatever the browser's zone.
 */

function zoneParts(ms: number, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at `ms`. */
function offsetMs(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
}

/** `2026-03-06T16:00` on the zone's wall clock, as an ISO instant; undefined when it is not such a text. */
export function zonedToInstant(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (m === null) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(wall)) return undefined;
  // The offset at the guess, then at the answer (a daylight-saving change in between moves it).
  let at = wall - offsetMs(wall, timeZone);
  at = wall - offsetMs(at, timeZone);
  return new Date(at).toISOString();
}

/** An instant as the zone's wall clock, the way a datetime-local input shows it (`2026-03-06T16:00`). */
export function instantToZoned(iso: string, timeZone: string): string {
  const p = zoneParts(Date.parse(iso), timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two((p.hour ?? 0) % 24)}:${two(p.minute)}`;
}

/** "Fri, 6 Mar 2026, 16:00" / "2026年3月6日周五 16:00", in the zone. */
export function formatInstant(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
