import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ImportJob, ImportProblemPage } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor, requireAdmin } from '../auth/auth.guard.js';
import { ImportRollbacks } from './import-rollback.js';
import { importSettingsSchema, parseImportSettings } from './import-settings.js';
import { ImportStore, importNotFound } from './import-store.js';
import { ImportsService } from './imports.service.js';

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function jobId(id: string): string {
  if (!JOB_ID.test(id)) throw importNotFound(id);
  return id;
}

function pageNumber(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

/**
 * Bulk imports of an entity's records from CSV or XLSX, for people whose roles grant `import` on
 * it: each person sees and runs only their own jobs. Progress is read from the job as it runs.
 */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    @Inject(ImportsService) private readonly imports: ImportsService,
    @Inject(ImportStore) private readonly store: ImportStore,
    @Inject(ImportRollbacks) private readonly rollbacks: ImportRollbacks,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Upload a CSV (text/csv) or XLSX file as the raw body, `?entity=KEY&name=FILE`: answers the header columns and a proposed mapping' })
  upload(@CurrentActor() actor: Actor, @Req() request: Request, @Query('entity') entity: string | undefined, @Query('name') name: string | undefined): Promise<ImportJob> {
    const length = request.headers['content-length'] === undefined ? undefined : Number(request.headers['content-length']);
    return this.imports.upload(entity ?? '', name ?? '', request.headers['content-type'], length, request, actor);
  }

  @Get()
  @ApiOperation({ summary: "The caller's import jobs, newest first (100 at most); `?scope=all`: administrators, every person's (200 at most)" })
  list(@CurrentActor() actor: Actor, @Query('scope') scope?: string): Promise<ImportJob[]> {
    if (scope === 'all') {
      requireAdmin(actor);
      return this.store.listAll();
    }
    return this.store.list(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job and its progress (rows done of the total, created, updated, skipped, failed): its uploader, or an administrator (any job); anyone else 404' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportJob> {
    return this.store.get(jobId(id), actor, 'uploaderOrAdministrator');
  }

  @Put(':id')
  @ApiOperation({ summary: 'The mapping (the file headers in order, each to a field or null) and the match rule' })
  @ApiBody({ schema: importSettingsSchema as unknown as Record<string, unknown> })
  save(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown): Promise<ImportJob> {
    return this.imports.saveSettings(jobId(id), parseImportSettings(body ?? {}), actor);
  }

  @Post(':id/dry-run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Check every row as the run would, writing nothing: the counts and the row problems' })
  dryRun(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportJob> {
    return this.imports.start(jobId(id), 'dryRun', actor);
  }

  @Post(':id/run')
  @HttpCode(202)
  @ApiOperation({ summary: 'Import the rows in the background (once per job); poll the job for progress' })
  run(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportJob> {
    return this.imports.start(jobId(id), 'commit', actor);
  }

  @Get(':id/problems')
  @ApiOperation({ summary: 'The row problems of the last run (the first 1,000 are kept): row, field path, code, en + zh-CN message; its uploader, or an administrator' })
  problems(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('offset') offset?: string, @Query('limit') limit?: string): Promise<ImportProblemPage> {
    return this.store.problems(jobId(id), actor, pageNumber(offset, 0, 1000), pageNumber(limit, 100, 500));
  }

  @Post(':id/rollback')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Undo a committed import in the background: remove the records it created, restore those it updated (records changed since are left and counted). Its uploader may ask, or an administrator (any job, e.g. one imported through a key since revoked); anyone else 404. Acts as, and is audited as, the caller. Answers the job, rollingBack; poll it until rolledBack (its `rollback` counts the progress), or rollbackFailed (its `error` says why: attempts that kept failing, or the caller no longer able to import); asked again from rollbackFailed, it goes on from where it stopped',
  })
  rollback(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ImportJob> {
    return this.rollbacks.request(jobId(id), actor);
  }
}
