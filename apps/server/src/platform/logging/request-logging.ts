import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

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

/** A request as the request log leaves it: with its id. */
export type IdentifiedRequest = IncomingMessage & { id?: string };

/**
 * One JSON log line per request, carrying a request id: the caller's `X-Request-Id` when it is
 * sane (so a bank's gateway can correlate), a fresh one otherwise. The id is echoed back and kept
 * as `request.id` (problem documents name it). The line names the method, the path (never the
 * query string), the status, the id and the time taken, at info (warn for 4xx, error for 5xx), in
 * pino-http's shape. Written here rather than through pino-http: that builds two child loggers
 * per request, serialising the request into each, for this one line.
 */
export function requestLogging(logger: Logger) {
  return (request: IdentifiedRequest, response: ServerResponse, next: () => void): void => {
    const incoming = request.headers['x-request-id'];
    // A random id (Node's pooled randomUUID): a request id needs no order, and is made for every request.
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', id);
    request.id = id;
    const started = Date.now();
    // As it arrived: routing rewrites request.url under mounted paths.
    const req = { id, method: request.method, url: pathOf(request.url ?? '') };
    // Once: a response emits 'close' after its last byte is handed to the socket, and also when the
    // connection closes first (an aborted request), so one listener sees both ('finish' came too).
    response.once('close', () => logAnswer(logger, req, request, response, Date.now() - started));
    next();
  };
}

function logAnswer(logger: Logger, req: { id: string; method: string | undefined; url: string }, request: IncomingMessage, response: ServerResponse, responseTime: number): void {
  const status = response.statusCode;
  const line = { req, res: { statusCode: status }, responseTime };
  if (status >= 500) logger.error({ ...line, err: new Error(`failed with status code ${status}`) }, 'request errored');
  else logger[status >= 400 ? 'warn' : 'info'](line, !request.readableAborted && response.writableEnded ? 'request completed' : 'request aborted');
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
