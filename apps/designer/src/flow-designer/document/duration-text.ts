import type { TFunction } from 'i18next';
import { readDuration } from '../properties/DurationControl.js';

/** "3 days", "48 hours": a duration as the analyst set it; one the designer does not write stays ISO 8601. */
export function durationText(iso: string, t: TFunction): string {
  const read = readDuration(iso);
  return read === undefined ? iso : t(`durationText.${read.unit}`, { count: read.amount });
}
