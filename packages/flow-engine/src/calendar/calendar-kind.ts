/**
 * The `calendar` artifact kind: its schema, and a check that refuses a calendar the business-time
 * functions could not count on (unknown zone, unreal dates, crossed periods) and tells what is
 * merely odd (a date listed twice, a year between others with no holidays).
 */
import type { ArtifactCheckContext, ArtifactKindDefinition } from '@bankforge/rule-engine';
import { unchangedDocument } from '@bankforge/rule-engine';
import type { BusinessCalendar } from './business-calendar.js';
import { calendarProblems } from './calendar-problems.js';
import { calendarArtifactSchema } from './calendar-schema.js';

export const calendarKind: ArtifactKindDefinition<BusinessCalendar, ArtifactCheckContext> = {
  kind: 'calendar',
  schema: calendarArtifactSchema,
  upgrade: unchangedDocument,
  check(calendar, context) {
    const { errors, warnings } = calendarProblems(calendar);
    for (const warning of warnings) context.warn(warning);
    return Promise.resolve(errors);
  },
};
