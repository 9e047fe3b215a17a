import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { RecordOverviewController } from './record-overview.controller.js';
import { RecordOverviews } from './record-overview.service.js';
import { RecordTimelines } from './record-timeline.js';

/** A record's 360° page: header, related lists, timeline and relationship graph in one round trip. */
@Module({
  imports: [RecordsModule, MetadataModule, ArtifactsModule],
  controllers: [RecordOverviewController],
  providers: [RecordOverviews, RecordTimelines],
})
export class RecordOverviewModule {}
