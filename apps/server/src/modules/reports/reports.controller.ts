import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { parseExportInput, parseFormat, parseRunInput, reportRunSchema } from './report-request.js';
import { ReportsService, type ReportRunResult } from './reports.service.js';

const REPORT_KEY = new RegExp(IDENTIFIER_PATTERN);

function parseKey(key: string): string {
  if (REPORT_KEY.test(key)) return key;
  throw ProblemError.notFound('reportNotFound', 'No published report has this name.');
}

const keyParam = { name: 'key', description: 'The key of a published report artifact' };

@ApiTags('reports')
@Controller('reports/:key')
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Post('run')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({
    summary:
      'Run a published report: rows aggregated by the database, columns, and the chart data (ECharts option, pivot, KPI or table). 422 invalidReportRequest for bad parameters or selections (with paths), 422 reportRowLimit, 503 reportTimeout.',
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

  @Get('export')
  @ApiOperation({
    summary:
      'Stream the report as CSV or XLSX (from a database cursor; masked per field rules). parameters and drill are JSON in the query string.',
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
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    await this.reports.export(
      parseKey(key),
      parseExportInput(parameters, drill),
      parseFormat(format),
      actor,
      response,
    );
  }
}
