import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ConsentController } from './consent.controller.js';
import { ConsentService } from './consent.service.js';

/** Customers' consent to processing purposes, and purpose-bound exports. */
@Module({ imports: [RecordsModule, MetadataModule, AuditModule], controllers: [ConsentController], providers: [ConsentService] })
export class ConsentModule {}
