import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { RecordOverview, TimelinePage } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { parseEntity, parseId } from '../records/record-params.js';
import { parseApp, parseTimelineLimit, TIMELINE_MAX } from './overview-params.js';
import { RecordOverviews } from './record-overview.service.js';

const entityParam = { name: 'entity', description: 'The key of a published entity' };
const appQuery = { name: 'app', required: false, description: "The app whose record page design applies (its `recordPages`); every reference to the entity is listed when absent" };

@ApiTags('records')
@Controller('records/:entity/:id')
export class RecordOverviewController {
  constructor(@Inject(RecordOverviews) private readonly overviews: RecordOverviews) {}

  @Get('overview')
  @ApiOperation({
    summary:
      "A record's 360° page in one answer: title, key figures and tags; related lists (count and newest rows); the first timeline entries (activities, changes from the audit log, approval cases); the relationship graph. Every part within the reader's scope, field rules and masking",
  })
  @ApiParam(entityParam)
  @ApiQuery(appQuery)
  overview(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Query('app') app?: string): Promise<RecordOverview> {
    return this.overviews.overview(parseEntity(entity), parseId(id), parseApp(app), actor);
  }

  @Get('timeline')
  @ApiOperation({ summary: "A record's timeline, newest first: `limit` entries (and whether there are more)" })
  @ApiParam(entityParam)
  @ApiQuery(appQuery)
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1 to ${TIMELINE_MAX}, 20 when absent` })
  timeline(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Query('app') app?: string, @Query('limit') limit?: string): Promise<TimelinePage> {
    return this.overviews.timeline(parseEntity(entity), parseId(id), parseApp(app), parseTimelineLimit(limit), actor);
  }
}
