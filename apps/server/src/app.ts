import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from './access/actor.js';
import { AppBundleService } from './artifacts/app-bundle.service.js';
import { AppsController, ArtifactsController } from './artifacts/artifacts.controller.js';
import { ArtifactKindRegistry } from './artifacts/artifact-kind-registry.js';
import { ArtifactsService } from './artifacts/artifacts.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditLog } from './audit/audit-log.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { DirectoryService } from './auth/directory.service.js';
import { LoginRateLimit } from './auth/login-rate-limit.js';
import { SessionCookie } from './auth/session-cookie.js';
import type { ServerConfig } from './config/server-config.js';
import { ConsentController } from './consent/consent.controller.js';
import { ConsentService } from './consent/consent.service.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { FormCatalog } from './forms/form-catalog.js';
import { FeelBudget } from './forms/feel-budget.js';
import { loadFieldCipher } from './crypto/keyring.js';
import { Database } from './database/database.js';
import { HealthController } from './health/health.controller.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import { PinoNestLogger, createLogger, requestLogging } from './logging/request-logging.js';
import { MetadataController } from './metadata/metadata.controller.js';
import { MetadataService } from './metadata/metadata.service.js';
import { ProblemFilter } from './problem/problem.filter.js';
import { RecordsController } from './records/records.controller.js';
import { RecordsService } from './records/records.service.js';
import { ReportSecurity } from './reports/report-security.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { RuntimeController } from './runtime/runtime.controller.js';
import { RuntimeService } from './runtime/runtime.service.js';
import { serveApiDocs } from './web/api-docs.js';
import { securityHeaders } from './web/content-security-policy.js';
import { receiveRequests } from './web/request-pipeline.js';
import { serveWebApps } from './web/web-apps.js';

@Module({})
class BankForgeModule {
  static with(database: Database, config: ServerConfig, cipher: FieldCipher): DynamicModule {
    return {
      module: BankForgeModule,
      controllers: [HealthController, AuthController, AuditController, MetadataController, ArtifactsController, AppsController, RecordsController, ConsentController, ReportsController, RuntimeController],
      providers: [
        { provide: Database, useValue: database },
        { provide: FieldCipher, useValue: cipher },
        { provide: LoginRateLimit, useValue: new LoginRateLimit(config.loginAttemptsPerMinute ?? 10) },
        { provide: SessionCookie, useValue: new SessionCookie(config.secureCookies ?? false) },
        { provide: FeelBudget, useValue: FeelBudget.of(config) },
        AuditLog,
        DirectoryService,
        AuthService,
        { provide: APP_GUARD, useClass: AuthGuard },
        IdempotencyStore,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        MetadataService,
        FormCatalog,
        ArtifactKindRegistry,
        ArtifactsService,
        AppBundleService,
        RecordsService,
        ConsentService,
        ReportSecurity,
        ReportsService,
        RuntimeService,
      ],
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
  // Off unless the operator names the proxies: otherwise any client could set its own address and scheme.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.secureCookies ?? false));
  app.use(requestLogging(logger));
  receiveRequests(app, logger, config.secureCookies ?? false);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter(logger));
  serveApiDocs(app);
  serveWebApps(app, logger, config.webApps);
  app.enableShutdownHooks();
  await app.get(DirectoryService).bootstrap(config.adminPassword, logger, SYSTEM_ACTOR);
  return { app, database, logger };
}
