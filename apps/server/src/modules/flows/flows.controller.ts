import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApprovalTask, CaseDetail, CaseMigrationPreview, CaseSummary, MigrateCasesResult, NotificationPage, TaskInboxPage } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import {
  caseCommandSchema,
  checkReason,
  commandIdOf,
  markReadSchema,
  parseAction,
  parseCaseCommand,
  parseFlowKey,
  parseInboxQuery,
  parseMarkRead,
  parseStartCase,
  parseTaskAction,
  startCaseSchema,
  taskActionSchema,
} from './flow-requests.js';
import { CaseMigrations, migrateCaseSchema, migrateCasesSchema, migrationPreviewSchema, parseMigrateCase, parseMigrateCases, parseMigrationPreview } from './case-migrations.js';
import { FlowsService } from './flows.service.js';
import { Notifications } from '../notifications/notifications.js';
import { TaskInbox } from './task-inbox.js';

@ApiTags('flows')
@Controller('flows')
export class FlowsController {
  constructor(
    @Inject(FlowsService) private readonly flows: FlowsService,
    @Inject(CaseMigrations) private readonly migrations: CaseMigrations,
  ) {}

  @Post(':key/instances')
  @ApiOperation({ summary: 'Start an approval case on a record (the flow\'s bound variables are read from it; needs the flow\'s start grant)' })
  @ApiBody({ schema: startCaseSchema })
  async start(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDetail> {
    const started = await this.flows.start(parseFlowKey(key), parseStartCase(body ?? {}), actor, commandIdOf(actor.name, idempotencyKey));
    response.status(201).setHeader('Location', `/api/flows/instances/${started.id}`);
    return started;
  }

  @Post(':key/migration-preview')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({ summary: "What publishing the flow's draft (or moving to toVersion) would do to its running cases on earlier versions: how many move, which cannot and why (needs the flow publish grant)" })
  @ApiBody({ schema: migrationPreviewSchema })
  migrationPreview(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown): Promise<CaseMigrationPreview> {
    return this.migrations.preview(parseFlowKey(key), parseMigrationPreview(body ?? {}), actor);
  }

  @Post(':key/migrations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move every running case on an earlier version that can move to the published toVersion, each as POST /flows/instances/{id}/migrate would (audited); the others stay (needs the flow publish grant)' })
  @ApiBody({ schema: migrateCasesSchema })
  migrateCases(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined): Promise<MigrateCasesResult> {
    return this.migrations.migrateAll(parseFlowKey(key), parseMigrateCases(body ?? {}), actor, commandIdOf(actor.name, idempotencyKey));
  }

  @Get('instances')
  @ApiOperation({ summary: 'Cases of a record (?record=) or the reader\'s own (?startedBy=me); ?status=open|ended' })
  list(@CurrentActor() actor: Actor, @Query('record') record?: string, @Query('startedBy') startedBy?: string, @Query('status') status?: string): Promise<{ items: CaseSummary[] }> {
    return this.flows.listCases({ ...(record !== undefined ? { record } : {}), ...(startedBy !== undefined ? { startedBy } : {}), ...(status !== undefined ? { status } : {}) }, actor);
  }

  @Get('instances/:id')
  @ApiOperation({ summary: 'A case: where it waits, its variables as the reader may see them, the approval trail' })
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDetail> {
    return this.flows.readCase(id, actor);
  }

  @Post('instances/:id/migrate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a running case to another published version of its flow (administrators; default the latest); refused (409 migrationRefused) when a step it waits at is gone or changed' })
  @ApiBody({ schema: migrateCaseSchema })
  migrate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined): Promise<CaseDetail> {
    return this.migrations.migrate(id, parseMigrateCase(body ?? {}), actor, commandIdOf(actor.name, idempotencyKey));
  }

  @Post('instances/:id/:command')
  @HttpCode(200)
  @ApiOperation({ summary: 'withdraw or urge (the initiator), cancel (an administrator)' })
  @ApiBody({ schema: caseCommandSchema })
  command(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('command') command: string, @Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined): Promise<CaseDetail> {
    if (command !== 'withdraw' && command !== 'urge' && command !== 'cancel') throw ProblemError.notFound('unknownCommand', 'Cases take withdraw, urge or cancel.');
    return this.flows.caseCommand(id, command, parseCaseCommand(body ?? {}).comment, actor, commandIdOf(actor.name, idempotencyKey));
  }
}

@ApiTags('flows')
@Controller('tasks')
export class TasksController {
  constructor(
    @Inject(FlowsService) private readonly flows: FlowsService,
    @Inject(TaskInbox) private readonly inbox: TaskInbox,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The reader\'s inbox: tasks assigned to them and their roles\' pool to claim, overdue first, keyset pages, counts' })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, string | undefined>): Promise<TaskInboxPage> {
    return this.inbox.page(parseInboxQuery(query), actor);
  }

  @Get(':id')
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApprovalTask> {
    return this.flows.readTask(id, actor);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim a pool task: from then on only the claimer acts on it (409 when someone claimed it first)' })
  claim(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApprovalTask> {
    return this.flows.claim(id, actor);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'approve, reject, return, delegate, addApprover or comment, with the step\'s editable fields (reject and return need a reason)' })
  @ApiBody({ schema: taskActionSchema })
  act(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('action') action: string, @Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined): Promise<CaseDetail> {
    const parsed = parseAction(action);
    const request = parseTaskAction(body ?? {});
    checkReason(parsed, request);
    return this.flows.act(id, parsed, request, actor, commandIdOf(actor.name, idempotencyKey));
  }
}

@ApiTags('flows')
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(Notifications) private readonly notifications: Notifications) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query('unread') unread?: string): Promise<NotificationPage> {
    return this.notifications.list(actor, unread === 'true');
  }

  @Post('read')
  @HttpCode(200)
  @SafeRequest()
  @ApiBody({ schema: markReadSchema })
  markRead(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<{ unread: number }> {
    const request = parseMarkRead(body ?? {});
    return this.notifications.markRead(actor, request.all ? 'all' : (request.ids ?? []));
  }
}
