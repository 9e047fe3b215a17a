import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { parseEntity, parseId } from '../records/record-params.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { ConsentService, type ConsentState } from './consent.service.js';

const consentSchema = {
  type: 'object',
  required: ['purpose', 'granted', 'evidence'],
  additionalProperties: false,
  properties: {
    purpose: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
    granted: { type: 'boolean' },
    evidence: { type: 'string', minLength: 1, maxLength: 500, description: 'How the customer said so: a signed form number, a recorded call, an app checkbox' },
  },
};
const parseConsent = requestSchema<{ purpose: string; granted: boolean; evidence: string }>(consentSchema);

@ApiTags('records')
@Controller('records/:entity/:id/consents')
export class ConsentController {
  constructor(@Inject(ConsentService) private readonly consents: ConsentService) {}

  @Get()
  @ApiOperation({ summary: "The customer's consent per purpose" })
  list(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string): Promise<ConsentState[]> {
    return this.consents.list(parseEntity(entity), parseId(id), actor);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the customer granted or withdrew consent for a purpose (needs update rights; audited)' })
  @ApiBody({ schema: consentSchema })
  record(@CurrentActor() actor: Actor, @Param('entity') entity: string, @Param('id') id: string, @Body() body: unknown): Promise<ConsentState> {
    return this.consents.record(parseEntity(entity), parseId(id), parseConsent(body ?? {}), actor);
  }
}
