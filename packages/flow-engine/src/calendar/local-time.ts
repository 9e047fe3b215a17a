/**
 * Wall-clock time in an IANA time zone, with the platform's `Intl.DateTimeFormat` (full ICU in Node
 * 20 and browsers): no time zone database of our own to keep up to date.
 *
 * A local moment is a day number (days since 1970-01-01 on the wall clock) and the milliseconds
 * since that day's midnight. Business time is counted on these, so working hours are wall-clock
 * hours whatever the zone's offset that day.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** A moment on a time zone's wall clock. */
export interface LocalMoment {
  /** Days since 1970-01-01 (local). */
  day: number;
  /** Milliseconds since the local midnight, 0 up to a day. */
  ms: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
/** An instant with its offset: without one, `Date.parse` would read the machine's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The day number of a real `YYYY-MM-DD` date, or undefined (2026-02-30 is not one). */
export function dayOfDate(date: string): number | undefined {
  const m = DATE.exec(date);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over into March: a real date comes back unchanged.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return undefined;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday (1 = Monday) of a day number: day 0, 1970-01-01, was a Thursday. */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Milliseconds since midnight of `HH:mm` (`24:00` is the end of the day), or undefined. */
export function msOfTime(time: string): number | undefined {
  const m = TIME.exec(time);
  if (m === null) return undefined;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return (hours * 60 + minutes) * MS_PER_MINUTE;
}

/** Epoch milliseconds of an ISO 8601 instant that carries its offset (`...Z`, `...+08:00`), or undefined. */
export function instantMs(iso: string): number | undefined {
  if (!INSTANT.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

// Building a formatter costs far more than using one; zones are few, so each is kept once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows an IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `2/13/2026, 10:00:00`: what the en-US formatter writes (format is several times faster than formatToParts). */
const FORMATTED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** The wall clock at an instant, as epoch-like milliseconds (the local time read as if it were UTC). */
function wallMs(ms: number, timeZone: string): number {
  const f = formatter(timeZone);
  const m = FORMATTED.exec(f.format(ms));
  let fields: number[];
  if (m !== null) {
    fields = [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
  } else {
    // Another ICU may write it otherwise: the parts are the slower, sure way.
    const parts: Record<string, string> = {};
    for (const p of f.formatToParts(ms)) parts[p.type] = p.value;
    fields = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) => Number(parts[type]));
  }
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  // The formatter stops at seconds; the milliseconds carry over (offsets are whole seconds).
  return wall + (((ms % 1000) + 1000) % 1000);
}

/** The local moment of an instant. */
export function localMoment(ms: number, timeZone: string): LocalMoment {
  const wall = wallMs(ms, timeZone);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, ms: wall - day * MS_PER_DAY };
}

/**
 * The instant of a local moment. A wall-clock time that happens twice (when clocks go back) is the
 * earlier; one that never happens (when clocks go forward) is read with the offset before the
 * change, so it lands as far after the gap as it was into it: the rule of RFC 5545 and Temporal.
 */
export function instantOf(local: LocalMoment, timeZone: string): number {
  const wall = local.day * MS_PER_DAY + local.ms;
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = wallMs(wall - MS_PER_DAY, timeZone) - (wall - MS_PER_DAY);
  const after = wallMs(wall + MS_PER_DAY, timeZone) - (wall + MS_PER_DAY);
  if (before === after) return wall - before; // no change near: the usual case
  const candidates = [wall - before, wall - after].filter((t) => wallMs(t, timeZone) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}
