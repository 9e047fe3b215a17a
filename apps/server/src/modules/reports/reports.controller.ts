import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { parsePreviewInput, PREVIEW_ROW_CAP, reportPreviewSchema } from './report-preview.js';
import { exportLanguage, parseExportInput, parseFormat, parseRunInput, reportRunSchema } from './report-request.js';
import { ReportsService, type ReportRunResult } from './reports.service.js';

const REPORT_KEY = new RegExp(IDENTIFIER_PATTERN);

function parseKey(key: string): string {
  if (REPORT_KEY.test(key)) return key;
  throw ProblemError.notFound('reportNotFound', 'No published report has this name.');
}

const keyParam = { name: 'key', description: 'The key of a published report artifact' };

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Post('preview')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({
    summary: `Run a draft report for the designer: the first ${PREVIEW_ROW_CAP} rows (truncated says whether there were more), under the caller's own data scope and field rules, for callers who may edit reports. 422 invalidReport with paths into the document, 422 invalidReportRequest for bad parameters or selections, 403 reportFieldMasked when the draft compares or computes on a field the caller sees masked.`,
  })
  @ApiBody({ schema: reportPreviewSchema as unknown as Record<string, unknown> })
  preview(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<ReportRunResult> {
    const { document, ...input } = parsePreviewInput(body ?? {});
    return this.reports.preview(document, input, actor);
  }

  @Post(':key/run')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({
    summary:
      'Run a published report: rows aggregated by the database, columns, the chart data (ECharts option, pivot, KPI or table) and how values read (option labels, record titles, people, currencies). 422 invalidReportRequest for bad parameters or selections (with paths), 422 reportRowLimit, 503 reportTimeout.',
  })
  @ApiParam(keyParam)
  @ApiBody({ schema: reportRunSchema as unknown as Record<string, unknown> })
  run(
    @Param('key') key: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ReportRunResult> {
    return this.reports.run(parseKey(key), parseRunInput(body ?? {}), actor);
  }

  @Get(':key/export')
  @ApiOperation({
    summary:
      'Stream the report as CSV or XLSX (from a database cursor; masked per field rules; options by their labels in the Accept-Language). parameters and drill are JSON in the query string.',
  })
  @ApiParam(keyParam)
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'parameters', required: false, description: 'JSON object of parameter values' })
  @ApiQuery({ name: 'drill', required: false, description: 'JSON array of drill-down selections' })
  async export(
    @Param('key') key: string,
    @Query('format') format: string | undefined,
    @Query('parameters') parameters: string | undefined,
    @Query('drill') drill: string | undefined,
    @Headers('accept-language') language: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    await this.reports.export(
      parseKey(key),
      parseExportInput(parameters, drill),
      parseFormat(format),
      actor,
      response,
      { language: exportLanguage(language) },
    );
  }
}
