import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ReportPresentation } from './report-presentation.js';
import { ReportSecurity } from './report-security.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Published reports run and exported under the reader's scope and field rules; drafts previewed by their authors. */
@Module({
  imports: [MetadataModule, ArtifactsModule, AuditModule, AuthModule, RecordsModule],
  controllers: [ReportsController],
  providers: [ReportSecurity, ReportPresentation, ReportsService],
  // Dashboards run their widgets' reports through the same service.
  exports: [ReportsService],
})
export class ReportsModule {}
