import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard.js';
import { Database } from '../../platform/database/database.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** For load balancers and anyone else: up and able to reach its database, and nothing about which. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (no sign-in; names nothing about the deployment)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  async health(): Promise<{ status: 'ok' }> {
    await this.database.read((sql) => sql.rows('SELECT 1 AS ok'));
    return { status: 'ok' };
  }

  /** For operators, signed in or with an API key: the same check, and which database answers. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness with the database in use (signed-in users and API keys)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, database: { type: 'string', enum: ['sqlite', 'mysql'] } } } })
  async ready(): Promise<{ status: 'ok'; database: string }> {
    await this.database.read((sql) => sql.rows('SELECT 1 AS ok'));
    return { status: 'ok', database: this.database.dialect };
  }
}
