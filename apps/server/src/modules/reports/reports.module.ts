import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { ReportSecurity } from './report-security.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Published reports run and exported under the reader's scope and field rules. */
@Module({
  imports: [MetadataModule, ArtifactsModule, AuditModule, AuthModule],
  controllers: [ReportsController],
  providers: [ReportSecurity, ReportsService],
})
export class ReportsModule {}
