import type { ReportDefinition, ReportLabel } from '@bankforge/report-engine';

/**
 * A new report's first draft: its base entity's rows counted, so the preview shows a number from
 * the start and the analyst adds dimensions to break it down. `countLabel` names the count (in both
 * languages: the runtime shows the report in either).
 */
export function newReportDocument(key: string, title: string, source: string, countLabel: ReportLabel): ReportDefinition {
  return { kind: 'report', key, title, source, measures: [{ key: 'count', label: countLabel, agg: 'count' }] };
}
