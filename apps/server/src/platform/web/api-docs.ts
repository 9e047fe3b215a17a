import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeyRateLimit } from '../../modules/auth/api-key-rate-limit.js';
import { AuthGuard } from '../../modules/auth/auth.guard.js';
import { AuthService } from '../../modules/auth/auth.service.js';
import { DirectoryService } from '../../modules/auth/directory.service.js';

/** Stands in for a controller when the guard asks the reflector about the docs route (it is not public). */
class ApiDocs {
  serve(): void {}
}

/** The OpenAPI page and its document (JSON, YAML, the page's assets): every path under /api/docs. */
export function isApiDocsPath(path: string): boolean {
  return path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-');
}

/**
 * Serves the OpenAPI document at /api/docs-json and swagger-ui at /api/docs, to signed-in users
 * and API keys only, like every other route: swagger-ui registers plain Express routes, which
 * Nest's guards never see, so the same AuthGuard runs in front of them here.
 */
export function serveApiDocs(app: NestExpressApplication): void {
  const guard = new AuthGuard(app.get(Reflector), app.get(AuthService), app.get(DirectoryService), app.get(ApiKeyRateLimit));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isApiDocsPath(request.path)) return next();
    guard.canActivate(new ExecutionContextHost([request, response, next], ApiDocs, ApiDocs.prototype.serve)).then(() => next(), next);
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('BankForge API')
      .setDescription('Artifacts, the metadata-driven record store and the engines behind bank CRM apps. Errors are RFC 7807 problem documents with a stable `code`. Sign in first: this document is served to signed-in users and API keys only.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
