import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DashboardSummary, DashboardView, WidgetRunResult } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { exportLanguage, parseFormat } from '../reports/report-request.js';
import { parseWidgetExport, parseWidgetRun, widgetRunSchema } from './dashboard-request.js';
import { DashboardsService } from './dashboards.service.js';

const keyParam = { name: 'key', description: 'The key of a published dashboard artifact' };
const widgetParam = { name: 'id', description: "The widget's id within the dashboard" };

@ApiTags('dashboards')
@Controller('dashboards')
export class DashboardsController {
  constructor(@Inject(DashboardsService) private readonly dashboards: DashboardsService) {}

  @Get()
  @ApiOperation({ summary: "The published dashboards the caller's navigation lists: for one of their roles (or everyone), with a widget whose report they may run." })
  list(@CurrentActor() actor: Actor): Promise<DashboardSummary[]> {
    return this.dashboards.list(actor);
  }

  @Get(':key')
  @ApiOperation({
    summary:
      "A dashboard as the caller may use it: widgets (the shared filters and clicks that land on each, drill-down levels, export right) and filters (labels; a values filter's choices within the caller's scope). 404 dashboardNotFound for one not listed for the caller.",
  })
  @ApiParam(keyParam)
  view(@Param('key') key: string, @CurrentActor() actor: Actor): Promise<DashboardView> {
    return this.dashboards.view(key, actor);
  }

  @Post(':key/widgets/:id/run')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({
    summary:
      "Run a widget's report with the dashboard's filter values and clicks on other widgets, under the caller's data scope and field rules; answers the report's result and what applied. 422 invalidDashboardRequest with paths; 403 reportFieldMasked or reportFieldHidden for a filter or click on a field the caller may not see in clear; 404 widgetNotFound.",
  })
  @ApiParam(keyParam)
  @ApiParam(widgetParam)
  @ApiBody({ schema: widgetRunSchema as unknown as Record<string, unknown> })
  run(@Param('key') key: string, @Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<WidgetRunResult> {
    return this.dashboards.run(key, id, parseWidgetRun(body ?? {}), actor);
  }

  @Get(':key/widgets/:id/export')
  @ApiOperation({
    summary:
      "Stream a widget's rows as CSV or XLSX, filtered as the widget shows them, masked per field rules, with the caller's export right; audited. filters, cross and drill are JSON in the query string.",
  })
  @ApiParam(keyParam)
  @ApiParam(widgetParam)
  @ApiQuery({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'filters', required: false, description: 'JSON object of shared filter values by key' })
  @ApiQuery({ name: 'cross', required: false, description: 'JSON array of clicks on other widgets: {widget, dimension, value}' })
  @ApiQuery({ name: 'drill', required: false, description: 'JSON array of drill-down selections' })
  async export(
    @Param('key') key: string,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Query('filters') filters: string | undefined,
    @Query('cross') cross: string | undefined,
    @Query('drill') drill: string | undefined,
    @Headers('accept-language') language: string | undefined,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const request = parseWidgetExport({ filters, cross, drill });
    await this.dashboards.export(key, id, request, parseFormat(format), exportLanguage(language), actor, response);
  }
}
