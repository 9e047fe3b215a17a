import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { parseEntity } from '../records/record-params.js';
import type { RuntimeApp, RuntimeEntityPage } from '@bankforge/client';
import { RuntimeService } from './runtime.service.js';

@ApiTags('runtime')
@Controller('runtime')
export class RuntimeController {
  constructor(@Inject(RuntimeService) private readonly runtime: RuntimeService) {}

  @Get('apps')
  @ApiOperation({ summary: 'Published apps and the entity pages the caller may read (the runtime navigation)' })
  apps(@CurrentActor() actor: Actor): Promise<RuntimeApp[]> {
    return this.runtime.apps(actor);
  }

  @Get('entities/:entity')
  @ApiOperation({ summary: "A record page's model: the published entity, its default form, related entities and validator module URLs" })
  @ApiParam({ name: 'entity' })
  entity(@CurrentActor() actor: Actor, @Param('entity') entity: string): Promise<RuntimeEntityPage> {
    return this.runtime.entityPage(parseEntity(entity), actor);
  }

  @Get('validators/:file')
  @ApiOperation({ summary: "An entity's record validator as a same-origin ES module (ajv standalone code: the browser never compiles a schema)" })
  @ApiParam({ name: 'file', description: '<entity>.js' })
  async validator(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const match = /^([a-z][a-z0-9_]{0,47})\.js$/.exec(file);
    if (!match) throw ProblemError.notFound('entityNotFound', 'No published entity has this name.');
    const today = new Date().toISOString().slice(0, 10);
    const { source, version } = await this.runtime.validatorModule(match[1]!, today);
    response
      .status(200)
      .type('text/javascript; charset=utf-8')
      .setHeader('Cache-Control', 'private, max-age=300')
      .setHeader('ETag', `"${match[1]}-${version}-${today}"`)
      .send(source);
  }
}
