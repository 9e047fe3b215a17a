import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RecordsModule } from '../records/records.module.js';
import { SegmentsController } from './segments.controller.js';
import { SegmentsService } from './segments.service.js';

/** Segments: saved list filters, shared with a team or a branch; run through the records query. */
@Module({ imports: [RecordsModule, AuditModule], controllers: [SegmentsController], providers: [SegmentsService] })
export class SegmentsModule {}
