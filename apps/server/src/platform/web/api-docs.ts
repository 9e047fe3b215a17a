import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { EntityDefinition } from '@bankforge/data-model';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeyRateLimit } from '../../modules/auth/api-key-rate-limit.js';
import { AuthGuard } from '../../modules/auth/auth.guard.js';
import { AuthService } from '../../modules/auth/auth.service.js';
import { DirectoryService } from '../../modules/auth/directory.service.js';
import { MetadataService } from '../../modules/metadata/metadata.service.js';
import { Database } from '../database/database.js';
import { withEntityRecords, withHoistedDefinitions } from './entity-api-docs.js';

/** Stands in for a controller when the guard asks the reflector about the docs route (it is not public). */
class ApiDocs {
  serve(): void {}
}

/**
 * The document with the published entities' record schemas, rebuilt when their published versions
 * change: each request compares the versions (one small query), so a publish on any replica shows
 * in the next document without a restart.
 */
class PublishedEntityDocs {
  private built?: { versions: string; document: OpenAPIObject };

  constructor(
    private readonly database: Database,
    private readonly metadata: MetadataService,
  ) {}

  async document(base: OpenAPIObject): Promise<OpenAPIObject> {
    return this.database.read(async (sql) => {
      const rows = await sql.rows<{ entity_key: string; entity_version: number }>('SELECT entity_key, entity_version FROM bf_entity_table ORDER BY entity_key');
      const versions = rows.map((r) => `${r.entity_key}@${Number(r.entity_version)}`).join(',');
      if (this.built?.versions === versions) return this.built.document;
      const entities: EntityDefinition[] = [];
      for (const row of rows) {
        const published = await this.metadata.publishedEntity(sql, row.entity_key);
        if (published) entities.push(published.definition);
      }
      this.built = { versions, document: withEntityRecords(base, entities) };
      return this.built.document;
    });
  }
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
  const document = withHoistedDefinitions(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('BankForge API')
      .setDescription('Artifacts, the metadata-driven record store and the engines behind bank CRM apps. Errors are RFC 7807 problem documents with a stable `code`. Sign in first: this document is served to signed-in users and API keys only.')
      .setVersion('0.1.0')
      .build(),
  ));
  const published = new PublishedEntityDocs(app.get(Database), app.get(MetadataService));
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    patchDocumentOnRequest: (_request, _response, base) => published.document(base),
  });
}
