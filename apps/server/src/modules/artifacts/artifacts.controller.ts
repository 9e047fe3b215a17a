import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { SafeRequest } from '../../platform/idempotency/replay-policy.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import type { MigrationPlan } from '../metadata/migration-plan.js';
import { ARTIFACT_KINDS, parseKey, parseKind, type ArtifactDocument } from './artifact-kinds.js';
import { AppBundleService, type AppBundle } from './app-bundle.service.js';
import {
  ArtifactsService,
  type ArtifactSummary,
  type ArtifactVersionSummary,
  type PublishResult,
  type VersionDiff,
} from './artifacts.service.js';

const publishBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { confirm: { const: 'data-loss', description: 'Required to publish a plan that drops, narrows or retypes a field.' } },
};
const parsePublishBody = requestSchema<{ confirm?: 'data-loss' }>(publishBodySchema);

function parsePositiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw ProblemError.badRequest('invalidParameter', `${name} must be a positive integer.`, [{ path: name, code: 'type', message: `${name} must be a positive integer` }]);
  }
  return number;
}

/** `If-Match: "3"` (an ETag we sent) or a bare `3`. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw ProblemError.badRequest('invalidIfMatch', 'If-Match must carry the revision ETag of the draft, such as "3".');
  return Number(match[1]);
}

const kindParam = { name: 'kind', enum: [...ARTIFACT_KINDS] };

@ApiTags('artifacts')
@Controller('artifacts')
export class ArtifactsController {
  constructor(@Inject(ArtifactsService) private readonly artifacts: ArtifactsService) {}

  @Get(':kind')
  @ApiOperation({ summary: 'List artifacts of a kind with their draft/published state' })
  @ApiParam(kindParam)
  list(@Param('kind') kind: string): Promise<ArtifactSummary[]> {
    return this.artifacts.list(parseKind(kind));
  }

  @Put(':kind/:key')
  @ApiOperation({ summary: "Save the draft; validated against the kind's schema. Answers the new revision as ETag." })
  @ApiParam(kindParam)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the edit started from; a stale one answers 409.' })
  @ApiBody({ schema: { type: 'object', required: ['kind', 'key', 'title'] } })
  async save(
    @CurrentActor() actor: Actor,
    @Param('kind') kind: string,
    @Param('key') key: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ revision: number; latestVersion: number | null; document: ArtifactDocument }> {
    const draft = await this.artifacts.saveDraft(parseKind(kind), parseKey(key), body, parseIfMatch(ifMatch), actor);
    response.setHeader('ETag', `"${draft.revision}"`);
    return draft;
  }

  @Get(':kind/:key')
  @ApiOperation({ summary: 'The draft, or with ?version=N a published version' })
  @ApiParam(kindParam)
  @ApiQuery({ name: 'version', required: false, type: Number })
  async get(
    @Param('kind') kind: string,
    @Param('key') key: string,
    @Query('version') version: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ revision?: number; latestVersion?: number | null; document: ArtifactDocument }> {
    const n = parsePositiveInteger(version, 'version');
    if (n !== undefined) return { document: await this.artifacts.version(parseKind(kind), parseKey(key), n) };
    const draft = await this.artifacts.draft(parseKind(kind), parseKey(key));
    response.setHeader('ETag', `"${draft.revision}"`);
    return draft;
  }

  @Post(':kind/:key/plan')
  @HttpCode(200)
  @SafeRequest()
  @ApiOperation({ summary: "Entities: the migration plan publishing the draft would apply (lossy steps listed)" })
  @ApiParam(kindParam)
  plan(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Param('key') key: string): Promise<MigrationPlan> {
    ArtifactsService.requireRight(actor, parseKind(kind), 'edit');
    return this.artifacts.plan(parseKind(kind), parseKey(key));
  }

  @Post(':kind/:key/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft as a new immutable version' })
  @ApiParam(kindParam)
  @ApiBody({ required: false, schema: publishBodySchema })
  publish(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Param('key') key: string, @Body() body: unknown): Promise<PublishResult> {
    const { confirm } = parsePublishBody(body ?? {});
    return this.artifacts.publish(parseKind(kind), parseKey(key), confirm === 'data-loss', actor);
  }

  @Get(':kind/:key/versions')
  @ApiOperation({ summary: 'Published versions, each with its publisher by name and username' })
  @ApiParam(kindParam)
  versions(@Param('kind') kind: string, @Param('key') key: string): Promise<ArtifactVersionSummary[]> {
    return this.artifacts.versions(parseKind(kind), parseKey(key));
  }

  @Get(':kind/:key/versions/:from/diff/:to')
  @ApiOperation({ summary: "What changed between two published versions: the kind's elements (fields, steps, connections, rules...) matched by id and named by label, each change with the property that changed" })
  @ApiParam(kindParam)
  diff(
    @Param('kind') kind: string,
    @Param('key') key: string,
    @Param('from') from: string,
    @Param('to') to: string,
  ): Promise<VersionDiff> {
    return this.artifacts.diff(parseKind(kind), parseKey(key), parsePositiveInteger(from, 'from')!, parsePositiveInteger(to, 'to')!);
  }
}

@ApiTags('artifacts')
@Controller('apps')
export class AppsController {
  constructor(@Inject(AppBundleService) private readonly bundles: AppBundleService) {}

  @Get(':key/bundle')
  @ApiOperation({ summary: 'One JSON bundle of the app and every artifact it lists (latest published versions)' })
  bundle(@Param('key') key: string): Promise<AppBundle> {
    return this.bundles.export(parseKey(key));
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Save and publish every artifact of a bundle, entities first; all or nothing' })
  @ApiQuery({ name: 'confirm', required: false, enum: ['data-loss'] })
  import(@CurrentActor() actor: Actor, @Body() body: unknown, @Query('confirm') confirm: string | undefined): Promise<{ app: string; published: PublishResult[] }> {
    return this.bundles.import(body, confirm === 'data-loss', actor);
  }
}
