import type { Language } from '@bankforge/app-shell';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far an instant is from now, in the reader's language ("in 2 days", "3 hours ago",
 * "2天后", "3小时前"): minutes under an hour, hours under a day, days beyond. Calendar time:
 * business days are the server's to count (it says whether a task is overdue).
 */
export function relativeTime(iso: string, now: number, language: Language): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const diff = at - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const size = Math.abs(diff);
  if (size < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(Math.round(diff / DAY), 'day');
}
