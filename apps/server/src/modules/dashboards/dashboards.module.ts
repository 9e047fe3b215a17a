import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsService } from './dashboards.service.js';
import { FilterChoices } from './filter-choices.js';
import { PublishedDashboards } from './published-dashboards.js';

/** Published dashboards in the runtime: listed per reader, their widgets' reports run with shared filters and clicks. */
@Module({
  imports: [ArtifactsModule, MetadataModule, RecordsModule, ReportsModule],
  controllers: [DashboardsController],
  providers: [PublishedDashboards, FilterChoices, DashboardsService],
})
export class DashboardsModule {}
