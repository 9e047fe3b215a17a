import type { DecisionBacktestResult, DecisionEvaluateAnswer, DecisionEvaluationPage } from '@bankforge/client';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { DecisionBacktests } from './decision-backtests.js';
import { backtestSchema, evaluateSchema, MAX_EVALUATION_PAGE, parseBacktest, parseCount, parseDecisionKey, parseEvaluate, parseFlag } from './decision-requests.js';
import { DecisionsService } from './decisions.service.js';

const DEFAULT_PAGE = 50;
const keyParam = { name: 'key', description: 'The key of a published decision artifact' };

@ApiTags('decisions')
@Controller('decisions/:key')
export class DecisionsController {
  constructor(
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(DecisionBacktests) private readonly backtests: DecisionBacktests,
  ) {}

  @Post('evaluate')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({
    summary:
      'Evaluate a published decision (its top decision) with input data by name: answers { key, version, outputs, trace? }. Needs the role grant decisions: {key: [evaluate]} (administrators always may; API keys too, through their roles): else 403 decisionEvaluateForbidden. 404 decisionNotFound or decisionVersionNotFound; 422 invalidDecisionInputs (an input the decision does not declare, or a value not of its declared type, at /inputs/<name>), 422 expressionBudgetExceeded. Every evaluation is logged (sensitive inputs masked).',
  })
  @ApiParam(keyParam)
  @ApiQuery({ name: 'version', required: false, description: 'A published version; default the latest' })
  @ApiQuery({ name: 'trace', required: false, enum: ['true', 'false'], description: 'Add per table the input values and matched rules, per decision its value' })
  @ApiBody({ schema: evaluateSchema })
  evaluate(@Param('key') key: string, @Body() body: unknown, @Query('version') version: string | undefined, @Query('trace') trace: string | undefined, @CurrentActor() actor: Actor): Promise<DecisionEvaluateAnswer> {
    const pinned = parseCount(version, 'version', Number.MAX_SAFE_INTEGER);
    return this.decisions.evaluate(parseDecisionKey(key), parseEvaluate(body ?? {}), { ...(pinned !== undefined ? { version: pinned } : {}), trace: parseFlag(trace, 'trace') }, actor);
  }

  @Get('evaluations')
  @ApiOperation({ summary: "The decision's evaluation log, newest first, keyset pages ({ items, nextCursor }): caller, source (api, or flow with its case), version, inputs (sensitive ones as ***), outputs, duration. Administrators and holders of the decision's evaluate grant (else 403 decisionEvaluateForbidden)." })
  @ApiParam(keyParam)
  @ApiQuery({ name: 'limit', required: false, description: `Rows per page, 1 to ${MAX_EVALUATION_PAGE} (default ${DEFAULT_PAGE})` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  evaluations(@Param('key') key: string, @Query('limit') limit: string | undefined, @Query('cursor') cursor: string | undefined, @CurrentActor() actor: Actor): Promise<DecisionEvaluationPage> {
    return this.decisions.evaluations(parseDecisionKey(key), parseCount(limit, 'limit', MAX_EVALUATION_PAGE) ?? DEFAULT_PAGE, cursor, actor);
  }

  @Post('backtest')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({
    summary:
      "Replay a draft (the body's document, else the saved draft) against the recorded inputs of the latest N evaluations of the published version: { evaluated, changed, unchanged, failed, skipped (a sensitive input was logged masked), changes (the first 200: evaluationId, at, inputs, before, after) }. Administrators and analysts who may edit decisions (else 403 forbidden); 422 invalidArtifact for a draft that could not be saved. Audited.",
  })
  @ApiParam(keyParam)
  @ApiBody({ schema: backtestSchema })
  backtest(@Param('key') key: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<DecisionBacktestResult> {
    return this.backtests.backtest(parseDecisionKey(key), parseBacktest(body ?? {}), actor);
  }
}
