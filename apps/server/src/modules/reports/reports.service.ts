import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Ajv } from 'ajv';
import type { ReportRunResult } from '@bankforge/client';
import { waitForDrain, type EntityDefinition, type RecordFilter } from '@bankforge/data-model';
import {
  collectEntities,
  compileReport,
  exportCells,
  reportArtifactSchema,
  ReportCompileError,
  reportCsvChunks,
  shapeChart,
  validateReport,
  writeXlsx,
  type ChartSpec,
  type CompiledReport,
  type EntityCatalog,
  type ReportDefinition,
  type ReportIssue,
  type ReportRow,
  type ResultColumn,
} from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { reportFilterDepthProblems } from '../../platform/request-validation/filter-depth.js';
import { problemErrorsOf } from '../../platform/request-validation/request-schema.js';
import { readReportLimits, type ReportLimits } from './report-limits.js';
import { ReportPresentation, type ExportLanguage } from './report-presentation.js';
import { maskedFieldsComputedOn, PREVIEW_ROW_CAP } from './report-preview.js';
import { queryRows, streamRows } from './report-query.js';
import type { ExportFormat, ReportRunInput } from './report-request.js';
import { ReportSecurity, type ColumnAccess, type ExportDetail } from './report-security.js';

// The answer's shape is the public contract, defined once in the client package.
export type { ReportRunResult } from '@bankforge/client';

/** A report checked against its schema and the entities as they are published now. */
export interface LoadedReport {
  report: ReportDefinition;
  /** The published version; 0 for a draft previewed. */
  version: number;
  catalog: EntityCatalog;
}

/** What a caller inside the server adds to a run or an export (a dashboard's widget); no HTTP request of a report carries it. */
export interface ReportRunOptions {
  /**
   * Conditions AND-ed to the report's filter (a dashboard's shared filters and clicks). The reader
   * chose their values, so a field they may see only masked is refused like a masked parameter.
   */
  filters?: RecordFilter;
  /** The chart the rows are shaped for instead of the report's own (a widget's). */
  chart?: ChartSpec;
  /** What the export's audit entry says of the dashboard it came from. */
  dashboard?: ExportDetail['dashboard'];
}

export interface ReportExportOptions extends ReportRunOptions {
  /** The language the header's column labels and option labels are written in (the reader's). */
  language?: ExportLanguage;
}

/**
 * How many rows a run may answer. Past them a run of a published report is refused; a preview of a
 * draft is cut, and as its reader wrote it, what it computes on is the reader's choice.
 */
type RunKind = { rows: number; preview: boolean };

const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(reportArtifactSchema);

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Runs published report artifacts against the published entities: the report engine compiles
 * one parameterised SELECT (the database aggregates), the security seams add the data scope and
 * field rules, and the limits bound time and rows. Exports stream from a database cursor.
 */
@Injectable()
export class ReportsService {
  /** Public so that an operator tool or a test can change them at run time. */
  limits: ReportLimits = readReportLimits();
  /** The clock relative dates resolve against. */
  now: () => Date = () => new Date();
  /** Rows a preview answers (public so that a test can lower it). */
  previewRows = PREVIEW_ROW_CAP;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
    @Inject(ReportSecurity) private readonly security: ReportSecurity,
    @Inject(ReportPresentation) private readonly presentation: ReportPresentation,
  ) {}

  async run(key: string, input: ReportRunInput, actor: Actor): Promise<ReportRunResult> {
    return this.runReport(await this.published(key), input, actor);
  }

  /** Runs a published report already loaded (a dashboard's widget, which read its fields first). */
  runReport(loaded: LoadedReport, input: ReportRunInput, actor: Actor, options: ReportRunOptions = {}): Promise<ReportRunResult> {
    return this.runLoaded(loaded, input, actor, options, { rows: this.limits.rowLimit, preview: false });
  }

  /**
   * Runs a draft report for its author in the designer: checked like a published one, under the
   * caller's own scope and field rules, the first `previewRows`. Only for those who may edit
   * reports; and as the caller wrote the report, a masked field it computes on is refused.
   */
  async preview(document: unknown, input: ReportRunInput, actor: Actor): Promise<ReportRunResult> {
    ArtifactsService.requireRight(actor, 'report', 'edit');
    const problems = validateSchema(document) ? reportFilterDepthProblems(document) : problemErrorsOf(validateSchema.errors ?? []);
    if (problems.length > 0) throw ProblemError.invalid('The report is not valid.', problems, 'invalidReport');
    const loaded = await this.checked(document as unknown as ReportDefinition, 0, (issues) =>
      ProblemError.invalid('The report does not fit the published entities.', issues, 'invalidReport'),
    );
    return this.runLoaded(loaded, input, actor, {}, { rows: this.previewRows, preview: true });
  }

  private async runLoaded(loaded: LoadedReport, input: ReportRunInput, actor: Actor, options: ReportRunOptions, kind: RunKind): Promise<ReportRunResult> {
    await this.security.authorizeRun(actor, loaded.report);
    const presentation = await this.presentation.prepare(actor, loaded.report, loaded.catalog);
    return this.database.read(async (sql) => {
      const { compiled, access } = await this.prepare(sql, loaded, input, actor, kind.rows + 1, options.filters, kind.preview);
      const raw = await queryRows(this.database, sql, compiled.sql, compiled.params, this.limits.queryTimeoutMs);
      const truncated = raw.length > kind.rows;
      if (truncated && !kind.preview) {
        throw new ProblemError(
          422,
          'reportRowLimit',
          `The report answers more than ${kind.rows} rows. Narrow it with filters, parameters or a drill-down selection, or export it.`,
          undefined,
          {
            rowLimit: kind.rows,
            messageZh: `报表结果超过 ${kind.rows} 行。请用筛选条件、参数或下钻选择缩小范围，或导出报表。`,
          },
        );
      }
      const rows = raw.slice(0, kind.rows).map((r) => this.masked(compiled.toRow(r), compiled.columns, access));
      const shown = await presentation.of(sql, compiled.columns, rows, new Set(Object.keys(access.masks)));
      return {
        report: { key: loaded.report.key, version: loaded.version, title: loaded.report.title },
        level: compiled.level,
        columns: compiled.columns,
        rows,
        chart: shapeChart(options.chart ? { ...loaded.report, chart: options.chart } : loaded.report, { columns: compiled.columns, rows }),
        ...(shown ? { presentation: shown } : {}),
        ...(kind.preview ? { truncated } : {}),
      };
    });
  }

  /**
   * Streams the report as CSV or XLSX into the response: the row count is checked against the
   * export limit first (a bounded COUNT), the export is authorised and audited before the first
   * row leaves, and rows flow from the cursor with backpressure. Options show by their labels in
   * the reader's language.
   */
  async export(key: string, input: ReportRunInput, format: ExportFormat, actor: Actor, response: Response, options: ReportExportOptions = {}): Promise<void> {
    await this.exportReport(await this.published(key), input, format, actor, response, options);
  }

  async exportReport(
    loaded: LoadedReport,
    input: ReportRunInput,
    format: ExportFormat,
    actor: Actor,
    response: Response,
    options: ReportExportOptions = {},
  ): Promise<void> {
    await this.security.authorizeRun(actor, loaded.report);
    await this.security.authorizeExport(actor, loaded.report, format);
    const presentation = await this.presentation.prepare(actor, loaded.report, loaded.catalog);
    const { exportRowLimit, queryTimeoutMs, exportTimeoutMs } = this.limits;
    await this.database.read(async (sql) => {
      const { compiled, access } = await this.prepare(sql, loaded, input, actor, exportRowLimit + 1, options.filters, false);
      const q = (name: string): string => this.database.quote(name);
      const [counted] = await queryRows(
        this.database,
        sql,
        `SELECT COUNT(*) AS ${q('n')} FROM (${compiled.sql}) ${q('q')}`,
        compiled.params,
        queryTimeoutMs,
      );
      if (Number(counted?.n ?? 0) > exportRowLimit) {
        throw new ProblemError(
          422,
          'reportRowLimit',
          `The export would hold more than ${exportRowLimit} rows. Narrow the report with filters or parameters.`,
          undefined,
          {
            rowLimit: exportRowLimit,
            messageZh: `导出将超过 ${exportRowLimit} 行。请用筛选条件或参数缩小报表范围。`,
          },
        );
      }
      await this.security.recordExport(sql, actor, loaded.report, {
        format,
        parameters: input.parameters ?? {},
        drill: input.drill ?? [],
        columns: compiled.columns.map((c) => c.key),
        ...(options.dashboard ? { dashboard: options.dashboard } : {}),
      }, compiled.filterSources, loaded.catalog);
      response.status(200);
      response.setHeader('Content-Type', CONTENT_TYPES[format]);
      response.setHeader('Content-Disposition', `attachment; filename="${loaded.report.key}.${format}"`);
      const rows = this.resultRows(sql, compiled, exportTimeoutMs);
      const language = options.language ?? 'en';
      const labels = presentation.optionLabels(language, new Set(Object.keys(access.masks)));
      const cells = { columns: compiled.columns, mask: { ...labels, ...access.masks }, language };
      try {
        if (format === 'xlsx') {
          await writeXlsx(rows, response, { ...cells, sheetName: loaded.report.title.slice(0, 31) });
        } else {
          for await (const chunk of reportCsvChunks(rows, { ...cells, bom: true })) {
            if (response.destroyed) break;
            if (!response.write(chunk)) await waitForDrain(response);
          }
        }
        if (!response.writableEnded) response.end();
      } catch (error) {
        // The status line is gone: all that is left is to cut the transfer short so the client sees it failed.
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** A published report, checked against its schema and the entities as they are published now. */
  async published(key: string): Promise<LoadedReport> {
    const document = await this.database.read((sql) => this.artifacts.latestPublished(sql, 'report', key));
    if (!document)
      throw new ProblemError(404, 'reportNotFound', `No published report is called ${JSON.stringify(key)}.`, undefined, { messageZh: `没有名为 ${key} 的已发布报表。` });
    if (!validateSchema(document))
      throw ProblemError.invalid(
        `The published report ${key} does not match the report schema.`,
        problemErrorsOf(validateSchema.errors ?? []),
        'invalidReport',
      );
    return this.checked(document as unknown as ReportDefinition, Number(document.version ?? 0), (issues) =>
      ProblemError.invalid(`The published report ${key} does not fit the published entities; publish a corrected version.`, issues, 'invalidReport'),
    );
  }

  /** The report with the published entities it reads, once it fits them. */
  private async checked(report: ReportDefinition, version: number, refusal: (issues: readonly ReportIssue[]) => ProblemError): Promise<LoadedReport> {
    const catalog = await collectEntities(report, (entity) => this.entityDefinition(entity));
    const issues = validateReport(report, catalog);
    if (issues.length > 0) throw refusal(issues);
    return { report, version, catalog };
  }

  private async entityDefinition(key: string): Promise<EntityDefinition | undefined> {
    try {
      return (await this.metadata.entity(key)).definition;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * The report compiled for the actor, and what they may see of it. `authored`: the actor wrote
   * the report (a preview), so what it computes on is their choice too.
   */
  private async prepare(
    sql: SqlExecutor,
    loaded: LoadedReport,
    input: ReportRunInput,
    actor: Actor,
    maxRows: number,
    filters: RecordFilter | undefined,
    authored: boolean,
  ): Promise<{ compiled: CompiledReport; access: ColumnAccess }> {
    const rowScope = await this.security.rowScope(sql, actor, loaded.catalog);
    let compiled: CompiledReport;
    try {
      compiled = compileReport(loaded.report, loaded.catalog, {
        dialect: sql.dialect,
        now: this.now(),
        parameters: input.parameters ?? {},
        drill: input.drill ?? [],
        ...(filters ? { filters } : {}),
        rowScope,
        maxRows,
      });
    } catch (error) {
      if (error instanceof ReportCompileError)
        throw ProblemError.invalid(
          'The report parameters or drill-down selection are not valid.',
          error.issues,
          'invalidReportRequest',
        );
      throw error;
    }
    const access = this.security.columnAccess(actor, loaded.report, compiled, loaded.catalog);
    if (access.hiddenFilters.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldHidden',
        `This report chooses its rows by fields your roles hide: ${access.hiddenFilters.join(', ')}.`,
        undefined,
        { filters: access.hiddenFilters, messageZh: `此报表按您的角色不可见的字段筛选数据：${access.hiddenFilters.join('、')}。` },
      );
    }
    if (access.maskedChoices.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldMasked',
        `This report lets you choose values of fields your roles mask, so its counts would reveal them: ${access.maskedChoices.join(', ')}. Ask for the report without those parameters, drill-down levels or filters.`,
        undefined,
        {
          filters: access.maskedChoices,
          messageZh: `此报表允许您按角色需脱敏的字段取值筛选，其计数会泄露这些字段：${access.maskedChoices.join('、')}。请去掉这些参数、下钻层级或筛选条件。`,
        },
      );
    }
    const computed = authored ? maskedFieldsComputedOn(loaded.report, loaded.catalog, compiled, this.security.maskedFor(actor, loaded.catalog)) : [];
    if (computed.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldMasked',
        `This report compares or computes on fields your roles mask, so its figures would reveal them: ${computed.join(', ')}. Show them as they are, or leave them out.`,
        undefined,
        { filters: computed, messageZh: `此报表对您的角色需脱敏的字段进行了比较或计算，其结果会泄露这些字段：${computed.join('、')}。请按原样显示或移除这些字段。` },
      );
    }
    const hidden = compiled.columns.filter((c) => access.hidden.includes(c.key));
    if (hidden.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldHidden',
        `This report shows fields your roles hide: ${hidden.map((c) => c.label).join(', ')}.`,
        undefined,
        { columns: hidden.map((c) => c.key), messageZh: `此报表显示了您的角色不可见的字段：${hidden.map((c) => c.labelZh).join('、')}。` },
      );
    }
    return { compiled, access };
  }

  private async *resultRows(
    sql: SqlExecutor,
    compiled: CompiledReport,
    timeoutMs: number,
  ): AsyncGenerator<ReportRow> {
    for await (const raw of streamRows(this.database, sql, compiled.sql, compiled.params, timeoutMs))
      yield compiled.toRow(raw);
  }

  private masked(row: ReportRow, columns: readonly ResultColumn[], access: ColumnAccess): ReportRow {
    if (Object.keys(access.masks).length === 0) return row;
    const cells = exportCells(row, { columns, mask: access.masks });
    return Object.fromEntries(columns.map((c, i) => [c.key, cells[i] ?? null]));
  }
}
