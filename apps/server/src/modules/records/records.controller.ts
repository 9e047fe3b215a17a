import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { csvLine, waitForDrain } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { ReplayByReading, SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { refusingDeepFilters } from '../../platform/request-validation/filter-depth.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { parseEntity, parseForm, parseId } from './record-params.js';
import { MAX_PAGE, recordQuerySchema, type RecordQuery } from './record-query.js';
import { RecordReplay } from './record-replay.js';
import { OwnershipTransfer, type TransferAnswer } from './ownership-transfer.js';
import { parseTransfer, transferSchema } from './transfer-request.js';
import { RecordsService, type RecordData, type RecordExportQuery, type RecordPage, type RevealedValue } from './records.service.js';
import { parseUnmaskRequest, unmaskSchema } from './reveal.js';

const parseQuery = refusingDeepFilters(requestSchema<RecordQuery>(recordQuerySchema, 'invalidQuery'));

const exportSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: recordQuerySchema.properties.filter,
    sort: recordQuerySchema.properties.sort,
    fields: recordQuerySchema.properties.fields,
    deleted: recordQuerySchema.properties.deleted,
    purpose: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'Export for this processing purpose (e.g. marketing): only records whose customer consented' },
  },
  definitions: recordQuerySchema.definitions,
};
const parseExport = refusingDeepFilters(requestSchema<RecordExportQuery>(exportSchema, 'invalidQuery'));
const titlesSchema = {
  type: 'object',
  required: ['ids'],
  additionalProperties: false,
  properties: { ids: { type: 'array', minItems: 1, maxItems: MAX_PAGE, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } } },
};
const parseTitles = requestSchema<{ ids: string[] }>(titlesSchema);

function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw ProblemError.badRequest('invalidParameter', 'version must be a positive integer.', [{ path: 'version', code: 'type', message: 'must be a positive integer' }]);
  }
  return Number(value);
}

const entityParam = { name: 'entity', description: 'The key of a published entity' };
const formQuery = { name: 'form', required: false, description: "The form the values were entered on: its rules apply (the entity's default form when absent)" };

@ApiTags('records')
@Controller('records/:entity')
export class RecordsController {
  constructor(
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(OwnershipTransfer) private readonly ownership: OwnershipTransfer,
  ) {}

  @Post()
  @ReplayByReading(RecordReplay)
  @ApiOperation({ summary: 'Create a record (validated by the form engine; 422 lists every problem; 409 on a unique value)' })
  @ApiParam(entityParam)
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiQuery(formQuery)
  async create(
    @CurrentActor() actor: Actor,
    @Param('entity') entity: string,
    @Body() body: unknown,
    @Query('form') form: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordData> {
    const record = await this.records.create(parseEntity(entity), body, actor, parseForm(form));
    response.status(201).setHeader('Location', `/api/records/${parseEntity(entity)}/${record.id}`);
    return record;
  }

  @Post('query')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({ summary: 'Query with a JSON filter, sort on indexed fields, keyset cursor, projection and count' })
  @ApiParam(entityParam)
  @ApiBody({ schema: recordQuerySchema as unknown as Record<string, unknown> })
  query(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Body() body: unknown): Promise<RecordPage> {
    return this.records.query(parseEntity(entity), parseQuery(body ?? {}), actor);
  }

  @Post('titles')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({ summary: "The titles of some records (the entity's title template; the reader's scope and field rules apply; sensitive fields masked)" })
  @ApiParam(entityParam)
  @ApiBody({ schema: titlesSchema })
  async titles(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Body() body: unknown): Promise<{ titles: Record<string, string> }> {
    return { titles: await this.records.titlesOf(parseEntity(entity), parseTitles(body ?? {}).ids, actor) };
  }

  @Post('transfer')
  @HttpCode(200)
  @ApiOperation({ summary: "Hand records over to another owner within the transfer scope, with a reason (their related records of the previous owner go along; audited; all or nothing)" })
  @ApiParam(entityParam)
  @ApiBody({ schema: transferSchema as unknown as Record<string, unknown> })
  transfer(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Body() body: unknown): Promise<TransferAnswer> {
    return this.ownership.transfer(parseEntity(entity), parseTransfer(body ?? {}), actor);
  }

  @Post('export')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({ summary: 'Export as CSV every record the export scope reaches (streamed; field rules and masking apply; audited)' })
  @ApiParam(entityParam)
  @ApiBody({ schema: exportSchema as unknown as Record<string, unknown> })
  async export(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const key = parseEntity(entity);
    const query = parseExport(body ?? {});
    // Refusals come before the first byte, so they still answer a problem document.
    const { columns, pages } = await this.records.export(key, query, actor, 'csv');
    response.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${key}.csv"`);
    // A byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
    response.write(`\ufeff${csvLine(columns)}`);
    for await (const items of pages) {
      const chunk = items.map((item) => csvLine(columns.map((c) => item[c]))).join('');
      if (response.destroyed) break;
      // A client that went away never drains: waitForDrain also ends on close, where waiting for "drain" alone would hang.
      if (!response.write(chunk)) await waitForDrain(response);
    }
    if (!response.writableEnded) response.end();
  }

  @Get(':id')
  @ApiOperation({ summary: "Read a record, with the rows of the form's repeating groups under their keys" })
  @ApiParam(entityParam)
  @ApiQuery({ name: 'includeDeleted', required: false, type: Boolean })
  @ApiQuery({ name: 'form', required: false, description: "The form whose repeating groups' rows come with the record (the entity's default form when absent)" })
  read(
    @CurrentActor() actor: Actor,
    @Param('entity') entity: string,
    @Param('id') id: string,
    @Query('includeDeleted') includeDeleted?: string,
    @Query('form') form?: string,
  ): Promise<RecordData> {
    return this.records.read(parseEntity(entity), parseId(id), includeDeleted === 'true', actor, parseForm(form));
  }

  @Post(':id/unmask')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({ summary: 'Reveal one masked field of one record for a reason (needs the unmask right; audited with the reason; 400 reasonRequired without one). The answer says for how many seconds to show it (revealSeconds).' })
  @ApiParam(entityParam)
  @ApiBody({ schema: unmaskSchema as unknown as Record<string, unknown> })
  unmask(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Body() body: unknown): Promise<RevealedValue> {
    const request = parseUnmaskRequest(body ?? {});
    return this.records.unmask(parseEntity(entity), parseId(id), request.field, request.reason, actor);
  }

  @Patch(':id')
  @ReplayByReading(RecordReplay)
  @ApiOperation({ summary: 'Change fields; the body carries the version read, and a stale one answers 409' })
  @ApiParam(entityParam)
  @ApiBody({ schema: { type: 'object', required: ['version'], properties: { version: { type: 'integer' } }, additionalProperties: true } })
  @ApiQuery(formQuery)
  update(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Body() body: unknown, @Query('form') form?: string): Promise<RecordData> {
    return this.records.update(parseEntity(entity), parseId(id), body, actor, parseForm(form));
  }

  @Delete(':id')
  @ReplayByReading(RecordReplay)
  @ApiOperation({ summary: 'Soft delete (restorable); ?version=N makes it conditional' })
  @ApiParam(entityParam)
  @ApiQuery({ name: 'version', required: false, type: Number })
  remove(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Query('version') version?: string): Promise<RecordData> {
    return this.records.remove(parseEntity(entity), parseId(id), parseVersion(version), actor);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ReplayByReading(RecordReplay)
  @ApiOperation({ summary: 'Restore a soft-deleted record' })
  @ApiParam(entityParam)
  @ApiQuery({ name: 'version', required: false, type: Number })
  restore(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Query('version') version?: string): Promise<RecordData> {
    return this.records.restore(parseEntity(entity), parseId(id), parseVersion(version), actor);
  }
}
