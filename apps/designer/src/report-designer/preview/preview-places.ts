import type { ReportDefinition } from '@bankforge/report-engine';

/** The code of a preview refused for its parameter values or drill-down selection: its paths point into the request, not the report. */
const REQUEST_REFUSED = 'invalidReportRequest';

/**
 * Where a refused preview's problem is, in words. Most refusals (an invalid report, a field hidden
 * or masked from the reader) point into the report, read as the designer reads it (`placeOf`).
 * A refused request points into what the preview sent: a parameter's value (`/parameters/since`)
 * is said as the report's parameter it fills ("Parameter “Since”"); a drill-down selection
 * (`/drill/0`) was picked on the chart, not typed, and a malformed body is no place the analyst can
 * go to, so those keep their pointer.
 */
export function previewPlace(code: string, pointer: string, report: ReportDefinition, placeOf: (pointer: string) => string | undefined): string | undefined {
  if (code !== REQUEST_REFUSED) return placeOf(pointer);
  const parameter = /^\/parameters\/([^/]+)$/.exec(pointer)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  const index = parameter === undefined ? -1 : (report.parameters ?? []).findIndex((p) => p.key === parameter);
  return index < 0 ? undefined : placeOf(`/parameters/${index}`);
}
