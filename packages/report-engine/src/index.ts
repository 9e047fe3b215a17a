// @bankforge/report-engine: report definitions compiled to parameterised SQL, result shaping, exports.

// The report artifact: its types and JSON Schema.
export type {
  CalculatedField,
  CalculatedType,
  ChartSpec,
  ChartType,
  ChildAggregate,
  Dimension,
  DrillLevel,
  ManyToOneJoin,
  Measure,
  MeasureAggregate,
  OneToManyJoin,
  ParameterType,
  PivotSpec,
  ReportDefinition,
  ReportIssue,
  ReportJoin,
  ReportLabel,
  ReportParameter,
  SortDirection,
  SortKey,
} from './artifact/report-definition.js';
export { CHART_TYPES } from './artifact/report-definition.js';
export { reportArtifactSchema } from './artifact/report-artifact-schema.js';
export { reportKind, type ReportCheckContext } from './artifact/report-kind.js';

// Compiling a report to one SELECT, with the caller's scope; the entities it reads.
export {
  compileReport,
  validateReport,
  ReportCompileError,
  type CompileOptions,
  type CompiledReport,
  type DrillSelection,
  type ScopePredicate,
} from './sql/compile-report.js';
export { collectEntities, type EntityCatalog } from './model/entity-catalog.js';
export { SOURCE_ALIAS, type RowScope } from './model/report-scope.js';
export type { FieldRead } from './model/resolved-value.js';

// Results, charts and pivots.
export type { ReportResult, ReportRow, ResultColumn } from './result/result-types.js';
export { labelIn, localizedLabel, othersBucket, SYSTEM_COLUMN_LABELS } from './result/column-labels.js';
export { shapeChart, type ChartData } from './shape/echarts.js';
export { pivotResult } from './shape/pivot.js';

// Exports: a report's rows as CSV and XLSX streams, the mask applied to every cell.
export { exportCells, type ExportOptions, type MaskFunction } from './export/export-options.js';
export { reportCsvChunks, type ReportCsvOptions } from './export/report-csv.js';
export { writeXlsx, type XlsxOptions } from './export/xlsx.js';

// Dashboards: widgets of published reports on a grid, shared filters, cross-filters and drill targets.
export {
  DASHBOARD_COLUMNS,
  DASHBOARD_FILTER_TYPES,
  type DashboardDefinition,
  type DashboardFilter,
  type DashboardFilterType,
  type DashboardWidget,
  type DrillTarget,
  type WidgetLayout,
} from './dashboard/dashboard-definition.js';
export { dashboardArtifactSchema } from './dashboard/dashboard-schema.js';
export { dashboardKind, dashboardLayoutProblems, type DashboardCheckContext } from './dashboard/dashboard-kind.js';
export { reportFields, type ReportField } from './dashboard/report-fields.js';
export {
  clickedField,
  filterBindings,
  matchingField,
  widgetFilters,
  type CrossFilter,
  type DashboardFilterValues,
  type FilterBinding,
  type WidgetFilters,
} from './dashboard/dashboard-filters.js';
