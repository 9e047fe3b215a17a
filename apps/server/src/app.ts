import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from './modules/access/actor.js';
import { ArtifactsModule } from './modules/artifacts/artifacts.module.js';
import { ArtifactsService } from './modules/artifacts/artifacts.service.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AutomationsModule } from './modules/automations/automations.module.js';
import { DirectoryService } from './modules/auth/directory.service.js';
import { ConnectorsModule } from './modules/connectors/connectors.module.js';
import { ConsentModule } from './modules/consent/consent.module.js';
import { DashboardsModule } from './modules/dashboards/dashboards.module.js';
import { DecisionsModule } from './modules/decisions/decisions.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { FlowsModule } from './modules/flows/flows.module.js';
import { FormsModule } from './modules/forms/forms.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { MetadataModule } from './modules/metadata/metadata.module.js';
import { RecordsModule } from './modules/records/records.module.js';
import { RecordOverviewModule } from './modules/record-overview/record-overview.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { RuntimeModule } from './modules/runtime/runtime.module.js';
import { SegmentsModule } from './modules/segments/segments.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import type { ServerConfig } from './platform/config/server-config.js';
import type { FieldCipher } from './platform/crypto/field-cipher.js';
import { loadFieldCipher } from './platform/crypto/keyring.js';
import { Database } from './platform/database/database.js';
import { IdempotencyInterceptor } from './platform/idempotency/idempotency.interceptor.js';
import { PinoNestLogger, createLogger } from './platform/logging/request-logging.js';
import { PlatformModule } from './platform/platform.module.js';
import { ProblemFilter } from './platform/problem/problem.filter.js';
import { serveApiDocs } from './platform/web/api-docs.js';
import { receiveRequests } from './platform/web/request-pipeline.js';
import { serveWebApps } from './platform/web/web-apps.js';

/**
 * The server: the platform (database, cipher, configuration) and one module per concept. The
 * idempotency interceptor sits here, where every module's exports are visible: a replayed write's
 * answer is rebuilt by the module that wrote it (`@ReplayByReading`).
 */
@Module({})
class BankForgeModule {
  static with(database: Database, config: ServerConfig, cipher: FieldCipher): DynamicModule {
    return {
      module: BankForgeModule,
      imports: [
        PlatformModule.with(database, config, cipher),
        HealthModule,
        AuditModule,
        AuthModule,
        MetadataModule,
        FormsModule,
        ArtifactsModule,
        RecordsModule,
        RecordOverviewModule,
        ConsentModule,
        SegmentsModule,
        ReportsModule,
        DashboardsModule,
        RuntimeModule,
        DecisionsModule,
        FlowsModule,
        EventsModule,
        ConnectorsModule,
        WebhooksModule,
        AutomationsModule,
        ImportsModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }
}

export interface BankForgeApp {
  app: INestApplication;
  database: Database;
  logger: Logger;
}

/** Builds the HTTP application on an open database: used by `main.ts` and by the tests. */
export async function createBankForgeApp(config: ServerConfig, logger: Logger = createLogger(config.logLevel)): Promise<BankForgeApp> {
  const { cipher, warning } = loadFieldCipher(config);
  if (warning) logger.warn({ encryption: 'at rest' }, warning);
  const database = await Database.open(config);
  const app = await NestFactory.create<NestExpressApplication>(BankForgeModule.with(database, config, cipher), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // API answers are no-store, so nothing revalidates them: no SHA-1 of every JSON body for a weak
  // ETag. Routes that are cached set their own (the record validators, drafts' revisions), and
  // still answer 304 to a matching If-None-Match; static files keep theirs.
  app.set('etag', false);
  // Off unless the operator names the proxies: otherwise any client could set its own address and scheme.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  receiveRequests(app, logger, config.secureCookies ?? false);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter(logger));
  serveApiDocs(app);
  serveWebApps(app, logger, config.webApps);
  app.enableShutdownHooks();
  await app.get(DirectoryService).bootstrap(config.adminPassword, logger, SYSTEM_ACTOR);
  // Before anything reads or writes them: the flows write approval tasks from their first command.
  await app.get(ArtifactsService).publishPlatformEntities();
  return { app, database, logger };
}
