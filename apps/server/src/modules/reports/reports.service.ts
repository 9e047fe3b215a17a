import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Ajv } from 'ajv';
import { waitForDrain, type EntityDefinition } from '@bankforge/data-model';
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
  type ChartData,
  type CompiledReport,
  type EntityCatalog,
  type ReportDefinition,
  type ReportRow,
  type ResultColumn,
} from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { problemErrorsOf } from '../../platform/request-validation/request-schema.js';
import { readReportLimits, type ReportLimits } from './report-limits.js';
import { queryRows, streamRows } from './report-query.js';
import type { ExportFormat, ReportRunInput } from './report-request.js';
import { ReportSecurity, type ColumnAccess } from './report-security.js';

export interface ReportRunResult {
  report: { key: string; version: number; title: string };
  /** The drill-down level shown (0 without a selection). */
  level: number;
  columns: ResultColumn[];
  rows: ReportRow[];
  /** The rows shaped for the report's chart: ECharts option, pivot, KPI or table. */
  chart: ChartData;
}

interface LoadedReport {
  report: ReportDefinition;
  version: number;
  catalog: EntityCatalog;
}

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

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
    @Inject(ReportSecurity) private readonly security: ReportSecurity,
  ) {}

  async run(key: string, input: ReportRunInput, actor: Actor): Promise<ReportRunResult> {
    const loaded = await this.load(key);
    await this.security.authorizeRun(actor, loaded.report);
    const { rowLimit, queryTimeoutMs } = this.limits;
    return this.database.read(async (sql) => {
      const { compiled, access } = await this.prepare(sql, loaded, input, actor, rowLimit + 1);
      const raw = await queryRows(this.database, sql, compiled.sql, compiled.params, queryTimeoutMs);
      if (raw.length > rowLimit) {
        throw new ProblemError(
          422,
          'reportRowLimit',
          `The report answers more than ${rowLimit} rows. Narrow it with filters, parameters or a drill-down selection, or export it.`,
          undefined,
          {
            rowLimit,
          },
        );
      }
      const rows = raw.map((r) => this.masked(compiled.toRow(r), compiled.columns, access));
      return {
        report: { key: loaded.report.key, version: loaded.version, title: loaded.report.title },
        level: compiled.level,
        columns: compiled.columns,
        rows,
        chart: shapeChart(loaded.report, { columns: compiled.columns, rows }),
      };
    });
  }

  /**
   * Streams the report as CSV or XLSX into the response: the row count is checked against the
   * export limit first (a bounded COUNT), the export is authorised and audited before the first
   * row leaves, and rows flow from the cursor with backpressure.
   */
  async export(
    key: string,
    input: ReportRunInput,
    format: ExportFormat,
    actor: Actor,
    response: Response,
  ): Promise<void> {
    const loaded = await this.load(key);
    await this.security.authorizeRun(actor, loaded.report);
    await this.security.authorizeExport(actor, loaded.report, format);
    const { exportRowLimit, queryTimeoutMs, exportTimeoutMs } = this.limits;
    await this.database.read(async (sql) => {
      const { compiled, access } = await this.prepare(sql, loaded, input, actor, exportRowLimit + 1);
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
          },
        );
      }
      await this.security.recordExport(sql, actor, loaded.report, {
        format,
        parameters: input.parameters ?? {},
        drill: input.drill ?? [],
        columns: compiled.columns.map((c) => c.key),
      }, compiled.filterSources);
      response.status(200);
      response.setHeader('Content-Type', CONTENT_TYPES[format]);
      response.setHeader('Content-Disposition', `attachment; filename="${loaded.report.key}.${format}"`);
      const rows = this.resultRows(sql, compiled, exportTimeoutMs);
      const options = { columns: compiled.columns, mask: access.masks };
      try {
        if (format === 'xlsx') {
          await writeXlsx(rows, response, { ...options, sheetName: loaded.report.title.slice(0, 31) });
        } else {
          for await (const chunk of reportCsvChunks(rows, { ...options, bom: true })) {
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
  private async load(key: string): Promise<LoadedReport> {
    const document = await this.database.read((sql) => this.artifacts.latestPublished(sql, 'report', key));
    if (!document)
      throw ProblemError.notFound('reportNotFound', `No published report is called ${JSON.stringify(key)}.`);
    if (!validateSchema(document))
      throw ProblemError.invalid(
        `The published report ${key} does not match the report schema.`,
        problemErrorsOf(validateSchema.errors ?? []),
        'invalidReport',
      );
    const report = document as unknown as ReportDefinition;
    const catalog = await collectEntities(report, (entity) => this.entityDefinition(entity));
    const issues = validateReport(report, catalog);
    if (issues.length > 0)
      throw ProblemError.invalid(
        `The published report ${key} does not fit the published entities; publish a corrected version.`,
        issues,
        'invalidReport',
      );
    return { report, version: Number(document.version ?? 0), catalog };
  }

  private async entityDefinition(key: string): Promise<EntityDefinition | undefined> {
    try {
      return (await this.metadata.entity(key)).definition;
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return undefined;
      throw error;
    }
  }

  private async prepare(
    sql: SqlExecutor,
    loaded: LoadedReport,
    input: ReportRunInput,
    actor: Actor,
    maxRows: number,
  ): Promise<{ compiled: CompiledReport; access: ColumnAccess }> {
    const rowScope = await this.security.rowScope(sql, actor, loaded.catalog);
    let compiled: CompiledReport;
    try {
      compiled = compileReport(loaded.report, loaded.catalog, {
        dialect: sql.dialect,
        now: this.now(),
        parameters: input.parameters ?? {},
        drill: input.drill ?? [],
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
    const access = await this.security.columnAccess(actor, loaded.report, compiled);
    if (access.hiddenFilters.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldHidden',
        `This report chooses its rows by fields your roles hide: ${access.hiddenFilters.join(', ')}.`,
        undefined,
        { filters: access.hiddenFilters },
      );
    }
    if (access.maskedChoices.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldMasked',
        `This report lets you choose values of fields your roles mask, so its counts would reveal them: ${access.maskedChoices.join(', ')}. Ask for the report without those parameters or drill-down levels.`,
        undefined,
        { filters: access.maskedChoices },
      );
    }
    const hidden = compiled.columns.filter((c) => access.hidden.includes(c.key));
    if (hidden.length > 0) {
      throw new ProblemError(
        403,
        'reportFieldHidden',
        `This report shows fields your roles hide: ${hidden.map((c) => c.label).join(', ')}.`,
        undefined,
        { columns: hidden.map((c) => c.key) },
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
