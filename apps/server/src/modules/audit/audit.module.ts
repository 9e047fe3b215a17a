import { Module } from '@nestjs/common';
import { MetadataModule } from '../metadata/metadata.module.js';
import { AuditController } from './audit.controller.js';
import { AuditLog } from './audit-log.js';

/** The hash-chained audit log every change writes to; searching, exporting and verifying it. */
@Module({ imports: [MetadataModule], controllers: [AuditController], providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {}
