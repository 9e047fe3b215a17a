import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isIsoDate } from '@bankforge/data-model';
import type { RendererLocale, RendererMessages } from '../locale/messages.js';

export interface CalendarPopoverProps {
  /** The chosen date (ISO), if any: the month shown first and the day marked. */
  value: string | null;
  /** The day to start from when there is no value (the model's today), else the bounds'. */
  start: string | undefined;
  min?: string;
  max?: string;
  locale: RendererLocale;
  messages: RendererMessages;
  onPick(iso: string): void;
  onClose(): void;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const toIso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const toMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

function addMonths(iso: string, months: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const first = Date.UTC(y, m - 1 + months, 1);
  const last = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  const date = new Date(first);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** The weeks (rows of 7 ISO dates, some from the months around) covering the month of `iso`. */
function weeksOf(iso: string, weekStartsOn: 0 | 1): string[][] {
  const first = toMs(`${iso.slice(0, 7)}-01`);
  const lead = (new Date(first).getUTCDay() - weekStartsOn + 7) % 7;
  const start = first - lead * DAY_MS;
  const month = iso.slice(0, 7);
  const weeks: string[][] = [];
  for (let week = 0; week < 6; week++) {
    const days = Array.from({ length: 7 }, (_, i) => toIso(start + (week * 7 + i) * DAY_MS));
    if (week > 3 && !days.some((day) => day.startsWith(month))) break;
    weeks.push(days);
  }
  return weeks;
}

/**
 * A month of days to pick a date from, in the UI's language (Chinese weeks start on Monday):
 * arrow keys move a day or a week, Page Up/Down a month (with Shift a year), Enter picks, Escape
 * closes. Days outside the field's bounds cannot be picked.
 */
export function CalendarPopover({ value, start, min, max, locale, messages, onPick, onClose }: CalendarPopoverProps) {
  const initial = value !== null && isIsoDate(value) ? value : start !== undefined && isIsoDate(start) ? start : (max ?? min ?? '2000-01-01');
  const [focused, setFocused] = useState(initial);
  const grid = useRef<HTMLTableElement>(null);
  const weekStartsOn = locale === 'zh-CN' ? 1 : 0;
  const weeks = weeksOf(focused, weekStartsOn);
  const monthTitle = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(toMs(focused));
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayLabel = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const outside = (iso: string) => (min !== undefined && iso < min) || (max !== undefined && iso > max);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => toIso(toMs(focused) - DAY_MS),
      ArrowRight: () => toIso(toMs(focused) + DAY_MS),
      ArrowUp: () => toIso(toMs(focused) - 7 * DAY_MS),
      ArrowDown: () => toIso(toMs(focused) + 7 * DAY_MS),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setFocused(move());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const step = (months: number, label: string, text: string) => (
    <button type="button" className="bf-calendar-step" aria-label={label} onClick={() => setFocused(addMonths(focused, months))}>
      {text}
    </button>
  );

  return (
    <div className="bf-calendar" role="dialog" aria-label={messages.chooseDate} onKeyDown={onKeyDown}>
      <div className="bf-calendar-head">
        {step(-12, messages.previousYear, '«')}
        {step(-1, messages.previousMonth, '‹')}
        <span className="bf-calendar-title" aria-live="polite">
          {monthTitle}
        </span>
        {step(1, messages.nextMonth, '›')}
        {step(12, messages.nextYear, '»')}
      </div>
      <table ref={grid} role="grid" aria-label={monthTitle} className="bf-calendar-grid">
        <thead>
          <tr>
            {(weeks[0] ?? []).map((day) => (
              <th key={day} scope="col" abbr={new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(toMs(day))}>
                {weekday.format(toMs(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <td key={day} aria-selected={day === value || undefined}>
                  <button
                    type="button"
                    data-date={day}
                    tabIndex={day === focused ? 0 : -1}
                    className={`bf-calendar-day${day.slice(0, 7) === focused.slice(0, 7) ? '' : ' bf-calendar-other'}${day === value ? ' bf-calendar-chosen' : ''}`}
                    aria-label={dayLabel.format(toMs(day))}
                    aria-pressed={day === value}
                    disabled={outside(day)}
                    onClick={() => onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="bf-calendar-close" onClick={onClose}>
        {messages.close}
      </button>
    </div>
  );
}
