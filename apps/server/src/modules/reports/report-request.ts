import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import type { ExportLanguage } from './report-presentation.js';

/** What a run or an export asks for besides the report: parameter values and the drill-down selection. */
export interface ReportRunInput {
  parameters?: Record<string, unknown>;
  drill?: Record<string, unknown>[];
}

export const reportRunSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    parameters: {
      type: 'object',
      maxProperties: 50,
      description: 'Values for the report parameters, by key',
    },
    drill: {
      type: 'array',
      maxItems: 6,
      items: { type: 'object', maxProperties: 10 },
      description:
        'One selection per drill-down level above the one shown: the values of that level\'s dimensions, e.g. [{"branch": "B02"}]',
    },
  },
} as const;

export const parseRunInput = requestSchema<ReportRunInput>(reportRunSchema, 'invalidReportRequest');

/** An export's parameters and selection arrive as JSON in query parameters (a GET has no body). */
export function parseExportInput(parameters: string | undefined, drill: string | undefined): ReportRunInput {
  const json = (name: string, text: string | undefined): unknown => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw ProblemError.badRequest('invalidParameter', `${name} must be JSON.`, [
        { path: name, code: 'json', message: `${name} is not valid JSON` },
      ]);
    }
  };
  const input: Record<string, unknown> = {};
  const p = json('parameters', parameters);
  const d = json('drill', drill);
  if (p !== undefined) input.parameters = p;
  if (d !== undefined) input.drill = d;
  return parseRunInput(input);
}

export type ExportFormat = 'csv' | 'xlsx';

/**
 * The language an export writes option labels in: the first of the browser's languages that the
 * product speaks (a download is a plain GET, so Accept-Language is what says it), English otherwise.
 */
export function exportLanguage(acceptLanguage: string | undefined): ExportLanguage {
  for (const tag of (acceptLanguage ?? '').split(',')) {
    const language = tag.split(';')[0]!.trim().toLowerCase();
    if (language.startsWith('zh')) return 'zh-CN';
    if (language.startsWith('en')) return 'en';
  }
  return 'en';
}

export function parseFormat(format: string | undefined): ExportFormat {
  if (format === 'csv' || format === 'xlsx') return format;
  throw ProblemError.badRequest('invalidParameter', 'format must be csv or xlsx.', [
    { path: 'format', code: 'option', message: 'must be csv or xlsx' },
  ]);
}
