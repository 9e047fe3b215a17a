import { reportFields, type CompiledReport, type EntityCatalog, type FieldRead, type ReportDefinition } from '@bankforge/report-engine';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { reportRunSchema, type ReportRunInput } from './report-request.js';

/** Rows a preview answers: enough to see the report's shape in the designer, no way around an export. */
export const PREVIEW_ROW_CAP = 200;

/** `POST /api/reports/preview`: a draft report document, with parameter values and a drill-down selection. */
export interface ReportPreviewInput extends ReportRunInput {
  document: unknown;
}

export const reportPreviewSchema = {
  type: 'object',
  required: ['document'],
  additionalProperties: false,
  properties: {
    document: { type: 'object', description: 'The draft report artifact, as the designer holds it' },
    ...reportRunSchema.properties,
  },
} as const;

export const parsePreviewInput = requestSchema<ReportPreviewInput>(reportPreviewSchema, 'invalidReportRequest');

/** Aggregates that show a field's value as it is, only summed up: masked, they tell no more than the mask. */
const PLAIN_AGGREGATES = new Set(['count', 'countDistinct', 'sum', 'avg', 'min', 'max']);

const nameOf = (read: FieldRead): string => `${read.entity}.${read.field}`;

/**
 * The masked fields a draft computes on. In a preview the reader wrote the report, so its
 * conditions (filter, join and measure filters), calculations, bins, buckets and top-N rankings
 * are all the reader's choice: on a masked field they would tell what the mask hides, a yes or no
 * per guess. A masked field may only be shown as it is (masked) or aggregated plainly. A published
 * report's author is trusted with those choices; the reader of a preview is no such author.
 */
export function maskedFieldsComputedOn(
  report: ReportDefinition,
  catalog: EntityCatalog,
  compiled: Pick<CompiledReport, 'columns' | 'columnSources' | 'filterSources'>,
  isMasked: (read: FieldRead) => boolean,
): string[] {
  const fields = new Map(reportFields(report, catalog).map((f) => [f.path, nameOf(f)]));
  /** The one stored field a column shows as it is, if it is such a column. */
  const plainField = (key: string): string | undefined => {
    const dimension = report.dimensions?.find((d) => d.key === key);
    if (dimension)
      return dimension.date === undefined && dimension.bin === undefined && dimension.top === undefined ? fields.get(dimension.field) : undefined;
    const measure = report.measures?.find((m) => m.key === key);
    if (!measure || !PLAIN_AGGREGATES.has(measure.agg) || measure.filter !== undefined || measure.field === undefined) return undefined;
    return fields.get(measure.field);
  };
  const offending = new Set<string>();
  for (const column of compiled.columns) {
    const plain = plainField(column.key);
    for (const read of compiled.columnSources[column.key] ?? []) if (isMasked(read) && nameOf(read) !== plain) offending.add(nameOf(read));
  }
  for (const read of compiled.filterSources) if (isMasked(read)) offending.add(nameOf(read));
  return [...offending];
}
