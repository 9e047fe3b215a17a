import type { WidgetRunRequest } from '@bankforge/client';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { withBilingualErrors } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { reportRunSchema } from '../reports/report-request.js';

const key = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;

export const widgetRunSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filters: {
      type: 'object',
      maxProperties: 10,
      propertyNames: { pattern: IDENTIFIER_PATTERN },
      description:
        'Shared filter values by filter key: a period ("thisQuarter", {"last": 12, "unit": "month"}, {"from": "2026-01-01", "to": "2026-03-31"}) or a list of values',
    },
    cross: {
      type: 'array',
      maxItems: 24,
      description: 'Clicks on data points of other widgets: the widget, the dimension clicked and its value',
      items: {
        type: 'object',
        required: ['widget', 'dimension', 'value'],
        additionalProperties: false,
        properties: { widget: key, dimension: key, value: { type: ['string', 'number', 'boolean', 'null'] } },
      },
    },
    drill: reportRunSchema.properties.drill,
  },
} as const;

/** A widget run's body, its 422s (`invalidDashboardRequest`) naming the parts in both languages. */
export const parseWidgetRun = withBilingualErrors(requestSchema<WidgetRunRequest>(widgetRunSchema, 'invalidDashboardRequest'), {
  '/filters': { name: { en: 'The filters', zh: '筛选条件' } },
  '/cross': { name: { en: 'The selection in another widget', zh: '其他组件中的选中项' } },
  '/drill': { name: { en: 'The drill-down selection', zh: '下钻选择' } },
});

/** A widget export's filters, clicks and selection arrive as JSON in query parameters (a download is a GET). */
export function parseWidgetExport(query: { filters?: string | undefined; cross?: string | undefined; drill?: string | undefined }): WidgetRunRequest {
  const request: Record<string, unknown> = {};
  for (const name of ['filters', 'cross', 'drill'] as const) {
    const text = query[name];
    if (text === undefined) continue;
    try {
      request[name] = JSON.parse(text) as unknown;
    } catch {
      throw ProblemError.badRequest('invalidParameter', `${name} must be JSON.`, [
        { path: name, code: 'json', message: `${name} is not valid JSON`, messageZh: `${name} 不是有效的 JSON` },
      ]);
    }
  }
  return parseWidgetRun(request);
}
