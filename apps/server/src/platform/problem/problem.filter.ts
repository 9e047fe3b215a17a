import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { pathOf, type IdentifiedRequest } from '../logging/request-logging.js';
import { ProblemError, type ProblemFieldError } from './problem-error.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId?: string;
  errors?: readonly ProblemFieldError[];
  [extension: string]: unknown;
}

/** Codes for the errors raised by the HTTP layer below our controllers. */
function fromHttpLayer(error: unknown): ProblemError | undefined {
  const parserError = error instanceof HttpException && typeof error.cause === 'object' ? error.cause : error;
  if (parserError !== error) {
    const fromParser = fromHttpLayer(parserError);
    if (fromParser) return fromParser;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? 'routeNotFound' : status === 413 ? 'payloadTooLarge' : `http${status}`;
    return new ProblemError(status, code, error.message);
  }
  // body-parser errors (malformed JSON, too large) reach us as plain errors carrying a status.
  if (typeof error === 'object' && error !== null && 'type' in error && 'status' in error) {
    const { type, status } = error as { type: unknown; status: unknown };
    if (type === 'entity.parse.failed') return new ProblemError(400, 'malformedJson', 'The request body is not valid JSON.');
    if (type === 'entity.too.large') return new ProblemError(413, 'payloadTooLarge', 'The request body is too large.');
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new ProblemError(status, 'badRequest', 'The request could not be read.');
    }
  }
  return undefined;
}

/** Turns every error into an RFC 7807 `application/problem+json` answer; unknown errors are logged, never leaked. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & IdentifiedRequest>();
    const response = http.getResponse<Response>();
    let problem = error instanceof ProblemError ? error : fromHttpLayer(error);
    if (!problem) {
      this.logger.error({ err: error, req: { id: request.id, method: request.method, url: pathOf(request.originalUrl ?? request.url) } }, 'unhandled error');
      problem = new ProblemError(500, 'internal', 'An unexpected error occurred. The request id identifies it in the server log.');
    }
    const body: ProblemDocument = {
      ...problem.extra,
      type: `https://bankforge.dev/problems/${problem.code}`,
      title: TITLES[problem.status] ?? 'Error',
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      instance: request.originalUrl ?? request.url,
      requestId: typeof request.id === 'string' ? request.id : undefined,
      ...(problem.errors ? { errors: problem.errors } : {}),
    };
    if (!response.headersSent) {
      for (const [name, value] of Object.entries(problem.headers ?? {})) response.setHeader(name, value);
      response.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
    }
  }
}
