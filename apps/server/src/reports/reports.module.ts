import { Module } from '@nestjs/common';
import { ReportSecurity } from './report-security.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** `POST /api/reports/{key}/run` and `GET /api/reports/{key}/export`. */
@Module({ controllers: [ReportsController], providers: [ReportsService, ReportSecurity] })
export class ReportsModule {}
