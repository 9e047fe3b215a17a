// @bankforge/report-engine: report definitions compiled to parameterised SQL, result shaping, exports.
export * from './artifact/report-definition.js';
export { reportArtifactSchema } from './artifact/report-artifact-schema.js';
export { collectEntities, tableOf, type EntityCatalog } from './model/entity-catalog.js';
export { SOURCE_ALIAS, type RowScope } from './model/report-scope.js';
export type { ValueType } from './model/value-type.js';
export type { FieldRead } from './model/resolved-value.js';
export {
  resolveParameters,
  type ParameterValue,
  type ResolvedParameters,
} from './parameters/parameter-values.js';
export { resolvePeriod, isRelativePeriod, type DateRange } from './filter/relative-dates.js';
export { dialectOf, DIALECTS, type DialectName, type SqlDialect } from './sql/dialect.js';
export type { SqlFragment, SqlValue } from './sql/fragment.js';
export {
  compileReport,
  validateReport,
  ReportCompileError,
  type CompileOptions,
  type CompiledReport,
  type DrillSelection,
  type ScopePredicate,
} from './sql/compile-report.js';
export type {
  ReportRow,
  ReportValue,
  ReportResult,
  ResultColumn,
  ResultType,
} from './result/result-types.js';
export { compareValues } from './result/compare-values.js';
export { pivotResult, type PivotTable } from './shape/pivot.js';
export {
  shapeChart,
  categoryName,
  type ChartData,
  type EChartsOption,
  type EChartsSeries,
} from './shape/echarts.js';
export { exportCells, headerCells, type ExportOptions, type MaskFunction } from './export/export-options.js';
export { csvChunks, csvCell, csvLine, type CsvOptions } from './export/csv.js';
export { writeXlsx, XLSX_ROWS_PER_SHEET, type XlsxOptions } from './export/xlsx.js';
export { waitForDrain } from './export/drain.js';
