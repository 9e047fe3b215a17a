import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** How many timeline entries the overview answers, and the most one request may ask for. */
export const TIMELINE_FIRST = 20;
export const TIMELINE_MAX = 200;

const KEY = new RegExp(IDENTIFIER_PATTERN);

/** `?app=` names the app whose record page design applies; absent: the default design. */
export function parseApp(app: unknown): string | undefined {
  if (app === undefined || app === '') return undefined;
  if (typeof app === 'string' && KEY.test(app)) return app;
  throw ProblemError.badRequest('invalidParameter', 'app must be the key of a published app.', [
    { path: 'app', code: 'pattern', message: 'must be the key of a published app', messageZh: 'app 须为已发布应用的标识' },
  ]);
}

/** `?limit=` of the timeline: 1 to 200 entries, the first page's size when absent. */
export function parseTimelineLimit(limit: unknown): number {
  if (limit === undefined || limit === '') return TIMELINE_FIRST;
  if (typeof limit === 'string' && /^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= TIMELINE_MAX) return Number(limit);
  throw ProblemError.badRequest('invalidParameter', `limit must be an integer from 1 to ${TIMELINE_MAX}.`, [
    { path: 'limit', code: 'range', message: `must be an integer from 1 to ${TIMELINE_MAX}`, messageZh: `limit 须为 1 至 ${TIMELINE_MAX} 的整数` },
  ]);
}
