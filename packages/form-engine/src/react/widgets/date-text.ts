import { isIsoDate } from '@bankforge/data-model';
import type { RendererLocale } from '../locale/messages.js';
import { localInputToUtc, utcToLocalInput } from './local-datetime.js';

/**
 * Calendar dates as people read and type them, in the UI's language: `2026/07/05` in Chinese,
 * `07/05/2026` (the English locale's month/day/year) in English. Values stay ISO `YYYY-MM-DD`
 * underneath. The browser's own date input would follow the browser's language instead of the
 * page's (mm/dd/yyyy in a Chinese page on an English browser), so dates are typed as this text.
 */

/** How the date is written, for the placeholder and the message of a date that cannot be read. */
export const DATE_TEXT_FORMATS: Readonly<Record<RendererLocale, string>> = {
  en: 'MM/DD/YYYY',
  'zh-CN': 'YYYY/MM/DD',
};

const pad = (n: number | string, width: number): string => String(n).padStart(width, '0');

/** An ISO date as the UI language writes it; any other text is returned as it is. */
export function formatDateText(iso: string, locale: RendererLocale): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-');
  return locale === 'zh-CN' ? `${year}/${month}/${day}` : `${month}/${day}/${year}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_FIRST = /^(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

function iso(year: string, month: string, day: string): string | undefined {
  const text = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  return isIsoDate(text) ? text : undefined;
}

/**
 * The ISO date typed text means, or undefined when it names no real date. Both languages read a
 * year-first date (`2026/7/5`, `2026-07-05`, `2026年7月5日`, `20260705`); English also reads its
 * own month/day/year (`7/5/2026`). A day-first reading is never guessed.
 */
export function parseDateText(text: string, locale: RendererLocale): string | undefined {
  const trimmed = text.trim();
  const yearFirst = ISO.exec(trimmed) ?? YEAR_FIRST.exec(trimmed) ?? COMPACT.exec(trimmed);
  if (yearFirst) return iso(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!);
  const monthFirst = locale === 'en' ? MONTH_FIRST.exec(trimmed) : null;
  if (monthFirst) return iso(monthFirst[3]!, monthFirst[1]!, monthFirst[2]!);
  return undefined;
}

/** How a date and time is written: the date as above, then the 24-hour time. */
export const DATETIME_TEXT_FORMATS: Readonly<Record<RendererLocale, string>> = {
  en: 'MM/DD/YYYY HH:mm',
  'zh-CN': 'YYYY/MM/DD HH:mm',
};

/** A stored UTC instant as the reader's local date and time in the UI language's order; '' for anything else. */
export function formatDateTimeText(utc: unknown, locale: RendererLocale): string {
  const local = utcToLocalInput(utc);
  if (local === '') return '';
  const [date = '', time = ''] = local.split('T');
  return `${formatDateText(date, locale)} ${time}`;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The UTC instant typed text means in the reader's local time (`2026/07/05 14:30`), or undefined
 * when it names none. The date is read as `parseDateText` reads it; the time is 24-hour.
 */
export function parseDateTimeText(text: string, locale: RendererLocale): string | undefined {
  const trimmed = text.trim().replace(/(\d)T(\d)/, '$1 $2');
  const split = trimmed.lastIndexOf(' ');
  if (split < 0) return undefined;
  const date = parseDateText(trimmed.slice(0, split), locale);
  const time = TIME.exec(trimmed.slice(split + 1));
  if (date === undefined || time === null) return undefined;
  const [hours, minutes, seconds] = [Number(time[1]), Number(time[2]), time[3] === undefined ? undefined : Number(time[3])];
  if (hours > 23 || minutes > 59 || (seconds !== undefined && seconds > 59)) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return localInputToUtc(`${date}T${pad(hours)}:${pad(minutes)}${seconds === undefined ? '' : `:${pad(seconds)}`}`) ?? undefined;
}
