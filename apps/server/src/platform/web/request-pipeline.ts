import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { requestLogging } from '../logging/request-logging.js';
import { limitBodyDepth } from '../request-validation/body-depth.js';
import { answerClientErrorsAsProblems } from './client-errors.js';
import { securityHeaders } from './content-security-policy.js';
import { refuseCrossOriginWrites, requireJsonBodies } from './cross-origin.js';

/** API answers carry customer data: no browser or proxy cache may keep them (a route may say otherwise, as the validator modules do). */
function noStore(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/api' || request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  next();
}

type Step = (request: Request, response: Response, next: (error?: unknown) => void) => unknown;

/**
 * Middleware run one after the other as one Express layer, as Express would run them as layers
 * of their own: an error (passed on, thrown, or a rejected promise) skips the rest and goes to the
 * error handlers. Express spends more on a layer (its matching, parameter and prefix bookkeeping)
 * than most of these steps cost; every request passes all of them.
 */
export function inSequence(steps: readonly Step[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    let index = 0;
    const proceed = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const step = steps[index++];
      if (!step) return next();
      try {
        const result = step(request, response, proceed);
        if (result instanceof Promise) result.catch((failure: unknown) => next(failure ?? new Error('a request step failed')));
      } catch (failure) {
        next(failure);
      }
    };
    proceed();
  };
}

/**
 * How a request reaches the controllers, in order: errors Node answers itself become problem
 * documents; every answer gets the security headers and a request id, and a log line once sent;
 * writes from another site's pages (403) and bodies other than JSON (415) are refused before the
 * body is read; the JSON body is parsed (5 MB at most) and refused when it nests too deep (400);
 * API answers are marked no-store.
 */
export function receiveRequests(app: NestExpressApplication, logger: Logger, behindTls: boolean): void {
  answerClientErrorsAsProblems(app.getHttpServer(), logger);
  app.use(
    inSequence([
      securityHeaders(behindTls),
      requestLogging(logger),
      refuseCrossOriginWrites(behindTls),
      requireJsonBodies(),
      express.json({ limit: '5mb', type: ['application/json', 'application/*+json'] }),
      limitBodyDepth(),
      noStore,
    ]),
  );
}
