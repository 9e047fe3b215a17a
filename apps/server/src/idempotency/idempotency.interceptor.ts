import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, of, throwError, type Observable } from 'rxjs';
import type { Actor } from '../access/actor.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { ProblemError } from '../problem/problem-error.js';
import { IdempotencyStore, type StoredAnswer } from './idempotency-store.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7e]{1,128}$/;
/** The headers of an answer that a repeat must carry too: where the record is, which revision. */
const KEPT_HEADERS = ['location', 'etag'];
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * `Idempotency-Key` on a mutating request: the first request with a key is carried out and its
 * answer kept for a day; the same caller sending the same request with that key again gets the
 * same answer (marked `Idempotent-Replayed: true`) and nothing is done twice. The same key with
 * another request is 422 `idempotencyKeyReused`; a repeat while the first is still running is 409
 * `requestInProgress`. Failed requests keep nothing, so they can be retried with their key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    // Signing in is not idempotent by nature, and a key is only ever scoped to a known caller.
    if (key === undefined || !MUTATING.has(request.method) || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw ProblemError.badRequest('invalidIdempotencyKey', 'Idempotency-Key is 1 to 128 visible ASCII characters, such as a UUID.', [
        { path: 'Idempotency-Key', code: 'pattern', message: 'must be 1 to 128 visible ASCII characters' },
      ]);
    }
    const caller = `${request.actor.kind}:${request.actor.userId ?? request.actor.name}`;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    const claim = await this.store.claim(caller, key, fingerprint);
    if (claim.kind === 'mismatch') {
      throw ProblemError.invalid('This Idempotency-Key was used with another request; use a new key for a new request.', [
        { path: 'Idempotency-Key', code: 'idempotencyKeyReused', message: 'was sent before with another method, address or body' },
      ], 'idempotencyKeyReused');
    }
    if (claim.kind === 'inProgress') throw ProblemError.conflict('requestInProgress', 'The first request with this Idempotency-Key is still being carried out; ask again in a moment.');
    if (claim.kind === 'replay') return of(this.replay(response, claim.answer));
    return next.handle().pipe(
      concatMap((body: unknown) => from(this.keep(context, response, caller, key, body))),
      catchError((error: unknown) => from(this.store.release(caller, key)).pipe(concatMap(() => throwError(() => error)))),
    );
  }

  /** Keeps the answer before it is sent, so a repeat that races the response still finds it. */
  private async keep(context: ExecutionContext, response: Response, caller: string, key: string, body: unknown): Promise<unknown> {
    // A handler that wrote the response itself (a streamed export) left nothing to keep.
    if (response.headersSent) {
      await this.store.release(caller, key);
      return body;
    }
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    await this.store.complete(caller, key, { status: this.statusOf(context, response), headers, body });
    return body;
  }

  /** The status Nest is about to send: the handler's own, else its @HttpCode, else 201 for POST and 200 otherwise. */
  private statusOf(context: ExecutionContext, response: Response): number {
    if (response.statusCode !== 200) return response.statusCode;
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (context.switchToHttp().getRequest<Request>().method === 'POST' ? 201 : 200);
  }

  private replay(response: Response, answer: StoredAnswer): unknown {
    response.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.setHeader(REPLAYED_HEADER, 'true');
    return answer.status === 204 ? undefined : answer.body;
  }
}
