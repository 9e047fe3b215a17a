import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { FormsModule } from '../forms/forms.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { ControlledFields } from './controlled-fields.js';
import { RecordReplay } from './record-replay.js';
import { RecordWriteHooks } from './record-write-hooks.js';
import { RecordsController } from './records.controller.js';
import { AutoNumbers } from './auto-numbers.js';
import { RecordTitles } from './record-titles.js';
import { OwnershipTransfer } from './ownership-transfer.js';
import { RecordsService } from './records.service.js';

/** Records of published entities under the reader's data scope and field rules. */
@Module({
  imports: [MetadataModule, FormsModule, AuditModule, AuthModule, ArtifactsModule],
  controllers: [RecordsController],
  providers: [RecordsService, RecordReplay, ControlledFields, RecordWriteHooks, AutoNumbers, RecordTitles, OwnershipTransfer],
  // RecordReplay rebuilds a replayed write's answer for the idempotency interceptor.
  exports: [RecordsService, RecordReplay, RecordWriteHooks, RecordTitles, OwnershipTransfer],
})
export class RecordsModule {}
