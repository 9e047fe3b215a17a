import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { randomUUID } from 'node:crypto';

/**
 * Lines go to stdout asynchronously: under load the lines written while a write is under way go
 * together in the next one, instead of a blocking write per request (pino flushes what is left
 * when the process exits).
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'bankforge-server' } }, pino.destination({ dest: 1, sync: false }));
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A request target without its query string (and without a fragment, should a client send one). */
export function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0]!;
}

/**
 * One JSON log line per request, carrying a request id: the caller's `X-Request-Id` when it is
 * sane (so a bank's gateway can correlate), a fresh one otherwise. The id is echoed back. The line
 * names the method, the path (never the query string), the status and the id.
 */
export function requestLogging(logger: Logger): HttpLogger<IncomingMessage, ServerResponse> {
  return pinoHttp({
    logger,
    genReqId(request, response) {
      const incoming = request.headers['x-request-id'];
      // A random id (Node's pooled randomUUID): a request id needs no order, and is made for every request.
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_request, response, error) {
      if (error || response.statusCode >= 500) return 'error';
      return response.statusCode >= 400 ? 'warn' : 'info';
    },
    // Only our serializers below: pino's standard ones would first copy every header of each request.
    wrapSerializers: false,
    serializers: {
      // The path only: query strings carry report parameters and other values the log must not keep.
      req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: pathOf(request.url) }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
}

/** Nest's own messages (startup, routes) in the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
