import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ImportFileRetention } from './import-file-retention.js';
import { ImportRollbacks } from './import-rollback.js';
import { ImportRunner } from './import-runner.js';
import { ImportStore } from './import-store.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Bulk imports from CSV and XLSX: upload, mapping, dry run, the leased background run, rollback. */
@Module({
  imports: [RecordsModule, MetadataModule, FormsModule, AuthModule],
  controllers: [ImportsController],
  providers: [ImportFileRetention, ImportStore, ImportRunner, ImportsService, ImportRollbacks],
  exports: [ImportRunner, ImportFileRetention],
})
export class ImportsModule {}
