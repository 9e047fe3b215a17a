import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AutomationRunSummary, AutomationTestResult, InboundEventAccepted } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { automationKey, automationTestSchema, inboundEventName, inboundEventSchema, parseAutomationTest, parseInboundEvent, parseRunQuery, runId } from './automation-requests.js';
import { AutomationsService } from './automations.service.js';

/**
 * Automation runs: designers of automations read and test them, replay a run (publish right);
 * other systems post the inbound events automations wait for (a role listing the event).
 * Automations themselves are artifacts, saved and published under `/api/artifacts/automation`.
 */
@ApiTags('automations')
@Controller('automations')
export class AutomationsController {
  constructor(@Inject(AutomationsService) private readonly automations: AutomationsService) {}

  // Before `:key` routes of the same shape.
  @Post('runs/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Designers with the publish right on automations: run a run again from its first action, with the same trigger context (audited)' })
  replay(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AutomationRunSummary> {
    return this.automations.replay(runId(id), actor);
  }

  @Post('events/:event')
  @HttpCode(202)
  @ApiOperation({ summary: 'Another system posts an inbound event `{ payload }`: one run is queued per published automation it triggers (roles granting `automationEvents.<event>: [post]`)' })
  @ApiBody({ schema: inboundEventSchema })
  inbound(@CurrentActor() actor: Actor, @Param('event') event: string, @Body() body: unknown): Promise<InboundEventAccepted> {
    const name = inboundEventName(event);
    return this.automations.inbound(name, parseInboundEvent(body ?? {}).payload, actor);
  }

  @Get(':key/runs')
  @ApiOperation({ summary: 'Designers of automations: the automation\'s runs, newest first (`status`, `limit` 1..200, 50 by default)' })
  runs(@CurrentActor() actor: Actor, @Param('key') key: string, @Query('status') status?: string, @Query('limit') limit?: string): Promise<AutomationRunSummary[]> {
    return this.automations.runs(automationKey(key), parseRunQuery(status, limit), actor);
  }

  @Post(':key/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Designers of automations: whether the trigger matches a sample (record, changes, payload) and what each action would do, up to the first wait or stop; writes nothing' })
  @ApiBody({ schema: automationTestSchema })
  test(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown): Promise<AutomationTestResult> {
    return this.automations.test(automationKey(key), parseAutomationTest(body ?? {}), actor);
  }
}
