import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IDENTIFIER_PATTERN } from '@bankforge/form-engine';
import { ProblemError } from '../problem/problem-error.js';
import { requestSchema } from '../request-validation/request-schema.js';
import { recordQuerySchema, type RecordQuery } from './record-query.js';
import { RecordsService, type Actor, type RecordData, type RecordPage } from './records.service.js';

const parseQuery = requestSchema<RecordQuery>(recordQuerySchema, 'invalidQuery');

/** No users until the security issue lands: every request acts as the (unnamed) system. */
const ANONYMOUS: Actor = { userId: null };

const ID = /^[0-9a-zA-Z-]{1,36}$/;
const ENTITY_KEY = new RegExp(IDENTIFIER_PATTERN);

/** Entity keys are identifiers; anything else names no entity (MySQL would ignore a trailing space). */
function parseEntity(entity: string): string {
  if (ENTITY_KEY.test(entity)) return entity;
  throw ProblemError.notFound('entityNotFound', 'No published entity has this name.');
}

function parseId(id: string): string {
  if (ID.test(id)) return id;
  throw ProblemError.notFound('recordNotFound', 'There is no record with this id.');
}

function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw ProblemError.badRequest('invalidParameter', 'version must be a positive integer.', [{ path: 'version', code: 'type', message: 'must be a positive integer' }]);
  }
  return Number(value);
}

const entityParam = { name: 'entity', description: 'The key of a published entity' };

@ApiTags('records')
@Controller('records/:entity')
export class RecordsController {
  constructor(@Inject(RecordsService) private readonly records: RecordsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a record (validated by the form engine; 422 lists every problem; 409 on a unique value)' })
  @ApiParam(entityParam)
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  async create(@Param('entity') entity: string, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<RecordData> {
    const record = await this.records.create(parseEntity(entity), body, ANONYMOUS);
    response.status(201).setHeader('Location', `/api/records/${parseEntity(entity)}/${record.id}`);
    return record;
  }

  @Post('query')
  @HttpCode(200)
  @ApiOperation({ summary: 'Query with a JSON filter, sort on indexed fields, keyset cursor, projection and count' })
  @ApiParam(entityParam)
  @ApiBody({ schema: recordQuerySchema as unknown as Record<string, unknown> })
  query(@Param('entity') entity: string, @Body() body: unknown): Promise<RecordPage> {
    return this.records.query(parseEntity(entity), parseQuery(body ?? {}));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a record' })
  @ApiParam(entityParam)
  @ApiQuery({ name: 'includeDeleted', required: false, type: Boolean })
  read(@Param('entity') entity: string, @Param('id') id: string, @Query('includeDeleted') includeDeleted?: string): Promise<RecordData> {
    return this.records.read(parseEntity(entity), parseId(id), includeDeleted === 'true');
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change fields; the body carries the version read, and a stale one answers 409' })
  @ApiParam(entityParam)
  @ApiBody({ schema: { type: 'object', required: ['version'], properties: { version: { type: 'integer' } }, additionalProperties: true } })
  update(@Param('entity') entity: string, @Param('id') id: string, @Body() body: unknown): Promise<RecordData> {
    return this.records.update(parseEntity(entity), parseId(id), body, ANONYMOUS);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Soft delete (restorable); ?version=N makes it conditional' })
  @ApiParam(entityParam)
  @ApiQuery({ name: 'version', required: false, type: Number })
  remove(@Param('entity') entity: string, @Param('id') id: string, @Query('version') version?: string): Promise<RecordData> {
    return this.records.remove(parseEntity(entity), parseId(id), parseVersion(version), ANONYMOUS);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Restore a soft-deleted record' })
  @ApiParam(entityParam)
  @ApiQuery({ name: 'version', required: false, type: Number })
  restore(@Param('entity') entity: string, @Param('id') id: string, @Query('version') version?: string): Promise<RecordData> {
    return this.records.restore(parseEntity(entity), parseId(id), parseVersion(version), ANONYMOUS);
  }
}
