import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { PeoplePage } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { parsePeopleQuery } from './flow-requests.js';
import { MAX_PEOPLE, PeopleSearch } from './people-search.js';

@ApiTags('flows')
@Controller('people')
export class PeopleController {
  constructor(@Inject(PeopleSearch) private readonly people: PeopleSearch) {}

  @Get()
  @ApiOperation({ summary: 'Colleagues to delegate to or add as an approver: active users whose username or name contains q (those starting with it first), named with their branch only' })
  @ApiQuery({ name: 'q', required: false, description: 'Part of a username or name, case-insensitive' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1 to ${MAX_PEOPLE} (the default)` })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, string | undefined>): Promise<PeoplePage> {
    return this.people.search(parsePeopleQuery(query), actor);
  }
}
