import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseKey } from '../artifacts/artifact-kinds.js';
import { MetadataService } from './metadata.service.js';
import { columnsOf } from './physical-schema.js';

@ApiTags('metadata')
@Controller('metadata/entities')
export class MetadataController {
  constructor(@Inject(MetadataService) private readonly metadata: MetadataService) {}

  @Get()
  @ApiOperation({ summary: 'Published entities and their tables' })
  list(): Promise<{ key: string; table: string; version: number }[]> {
    return this.metadata.listEntities();
  }

  @Get(':key')
  @ApiOperation({ summary: 'A published entity: its definition, physical columns and migration history' })
  async describe(@Param('key') key: string): Promise<Record<string, unknown>> {
    const model = await this.metadata.entity(parseKey(key));
    return {
      key: model.key,
      version: model.version,
      table: model.table,
      definition: model.definition,
      columns: model.definition.fields.map((f) => ({ field: f.key, fieldId: f.id, columns: columnsOf(f) })),
      migrations: await this.metadata.migrations(key),
    };
  }
}
