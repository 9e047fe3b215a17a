import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Segment } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { parseEntity, parseId } from '../records/record-params.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { parseSegmentChange, parseSegmentInput, segmentChangeSchema, segmentInputSchema } from './segment-request.js';
import { SegmentsService } from './segments.service.js';

function segmentId(id: string): string {
  try {
    return parseId(id);
  } catch {
    throw ProblemError.notFound('segmentNotFound', 'There is no segment with this id.');
  }
}

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  constructor(@Inject(SegmentsService) private readonly segments: SegmentsService) {}

  @Get()
  @ApiOperation({ summary: "The segments of an entity's list the caller sees: their own, their reporting line's shared with the team, their branch's shared with the branch" })
  @ApiQuery({ name: 'entity', required: true })
  async list(@CurrentActor() actor: Actor, @Query('entity') entity: string | undefined): Promise<{ items: Segment[] }> {
    if (entity === undefined || entity === '') {
      throw ProblemError.badRequest('invalidParameter', 'Say which entity’s segments: ?entity=customer.', [
        { path: 'entity', code: 'required', message: 'entity is required', messageZh: '必须指定实体（entity）' },
      ]);
    }
    return { items: await this.segments.list(parseEntity(entity), actor) };
  }

  @Post()
  @ApiOperation({ summary: 'Save a list filter as a segment (its filter and sort checked as the caller’s records query; audited)' })
  @ApiBody({ schema: segmentInputSchema as unknown as Record<string, unknown> })
  create(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<Segment> {
    return this.segments.create(parseSegmentInput(body ?? {}), actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a segment (its owner only)' })
  @ApiBody({ schema: segmentChangeSchema as unknown as Record<string, unknown> })
  change(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown): Promise<Segment> {
    return this.segments.change(segmentId(id), parseSegmentChange(body ?? {}), actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a segment (its owner only; audited)' })
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.segments.remove(segmentId(id), actor);
  }
}
