import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { limitBodyDepth } from '../request-validation/body-depth.js';
import { answerClientErrorsAsProblems } from './client-errors.js';
import { refuseCrossOriginWrites, requireJsonBodies } from './cross-origin.js';

/** API answers carry customer data: no browser or proxy cache may keep them (a route may say otherwise, as the validator modules do). */
function noStore(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/api' || request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * How a request reaches the controllers, in order: errors Node answers itself become problem
 * documents; writes from another site's pages (403) and bodies other than JSON (415) are refused
 * before the body is read; the JSON body is parsed (5 MB at most) and refused when it nests too
 * deep (400); API answers are marked no-store.
 */
export function receiveRequests(app: NestExpressApplication, logger: Logger, behindTls: boolean): void {
  answerClientErrorsAsProblems(app.getHttpServer(), logger);
  app.use(refuseCrossOriginWrites(behindTls));
  app.use(requireJsonBodies());
  app.useBodyParser('json', { limit: '5mb', type: ['application/json', 'application/*+json'] });
  app.use(limitBodyDepth());
  app.use(noStore);
}
