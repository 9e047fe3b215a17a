import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard.js';
import { Database } from '../database/database.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(Database) private readonly database: Database) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } })
  async health(): Promise<{ status: 'ok'; database: string }> {
    await this.database.read((sql) => sql.rows('SELECT 1 AS ok'));
    return { status: 'ok', database: this.database.dialect };
  }
}
