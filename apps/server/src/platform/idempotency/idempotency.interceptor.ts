import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, throwError, type Observable } from 'rxjs';
import type { Actor } from '../../modules/access/actor.js';
import { canonicalJson } from '../../modules/audit/canonical-json.js';
import { ProblemError } from '../problem/problem-error.js';
import { IdempotencyStore, type KeptBody, type StoredAnswer } from './idempotency-store.js';
import { REPLAY_POLICY, type AnswerRereader, type ReplayPolicy } from './replay-policy.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7e]{1,128}$/;
/** The headers of an answer that a repeat must carry too: where the record is, which revision. */
const KEPT_HEADERS = ['location', 'etag'];
export const REPLAYED_HEADER = 'Idempotent-Replayed';

type CallerRequest = Request & { actor?: Actor };

/**
 * What the caller may see, as one hash: their kind, branch, administrator flag and the full
 * definitions of their roles. Any change to any of these withholds the answers kept for them.
 */
function rightsOf(actor: Actor): string {
  return createHash('sha256')
    .update(canonicalJson({ kind: actor.kind, branch: actor.branch, admin: actor.access.admin, roles: actor.access.roles }))
    .digest('hex');
}

/**
 * `Idempotency-Key` on a mutating request: the first request with a key is carried out and its
 * answer kept for a day; the same caller sending the same request with that key again gets the
 * same answer (marked `Idempotent-Replayed: true`) and nothing is done twice. The same key with
 * another request is 422 `idempotencyKeyReused`; a repeat while the first is still running is 409
 * `requestInProgress`. Failed requests keep nothing, so they can be retried with their key.
 *
 * A repeat never shows what the caller could not read at that moment, and nothing is kept in
 * clear: a safe POST (query, report run, unmask) is never kept and simply runs again; a record
 * write keeps only where the record is, and the repeat reads it again under the caller's current
 * rights; any other answer is sealed with the field cipher and repeated only while the caller's
 * rights are the ones it was given under (else 409 `replayWithheld`).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  private readonly rereaders = new Map<ReplayPolicy & { kind: 'readAgain' }, Promise<AnswerRereader>>();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    // Signing in is not idempotent by nature, and a key is only ever scoped to a known caller.
    const actor = request.actor;
    if (key === undefined || !MUTATING.has(request.method) || !actor) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw ProblemError.badRequest('invalidIdempotencyKey', 'Idempotency-Key is 1 to 128 visible ASCII characters, such as a UUID.', [
        { path: 'Idempotency-Key', code: 'pattern', message: 'must be 1 to 128 visible ASCII characters' },
      ]);
    }
    const policy = this.reflector.get<ReplayPolicy | undefined>(REPLAY_POLICY, context.getHandler());
    // Running a read again is what its repeat should do: the caller gets what their rights give now.
    if (policy?.kind === 'runAgain') return next.handle();
    const caller = `${actor.kind}:${actor.userId ?? actor.name}`;
    const fingerprint = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    const claim = await this.store.claim(caller, key, fingerprint);
    if (claim.kind === 'mismatch') {
      throw ProblemError.invalid('This Idempotency-Key was used with another request; use a new key for a new request.', [
        { path: 'Idempotency-Key', code: 'idempotencyKeyReused', message: 'was sent before with another method, address or body' },
      ], 'idempotencyKeyReused');
    }
    if (claim.kind === 'inProgress') throw ProblemError.conflict('requestInProgress', 'The first request with this Idempotency-Key is still being carried out; ask again in a moment.');
    if (claim.kind === 'replay') return from(this.replay(request, response, actor, policy, claim.answer));
    return next.handle().pipe(
      concatMap((body: unknown) => from(this.keep(context, response, actor, policy, caller, key, body))),
      catchError((error: unknown) => from(this.store.release(caller, key)).pipe(concatMap(() => throwError(() => error)))),
    );
  }

  /** Keeps the answer before it is sent, so a repeat that races the response still finds it. */
  private async keep(context: ExecutionContext, response: Response, actor: Actor, policy: ReplayPolicy | undefined, caller: string, key: string, body: unknown): Promise<unknown> {
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
    const status = this.statusOf(context, response);
    await this.store.complete(caller, key, { status, headers, body: await this.kept(policy, actor, status, body) });
    return body;
  }

  /** What is kept to answer a repeat's body with: no body, where to read it again, or the body to be sealed. */
  private async kept(policy: ReplayPolicy | undefined, actor: Actor, status: number, body: unknown): Promise<KeptBody> {
    if (status === 204 || body === undefined) return { kind: 'none' };
    if (policy?.kind === 'readAgain') {
      const location = (await this.rereader(policy)).locate(body);
      if (location !== undefined) return { kind: 'reread', location };
    }
    return { kind: 'value', rights: rightsOf(actor), value: body };
  }

  private rereader(policy: ReplayPolicy & { kind: 'readAgain' }): Promise<AnswerRereader> {
    let rereader = this.rereaders.get(policy);
    // Built once per route, with the application's providers (the records service) injected.
    if (!rereader) this.rereaders.set(policy, (rereader = this.moduleRef.create(policy.by)));
    return rereader;
  }

  /** The status Nest is about to send: the handler's own, else its @HttpCode, else 201 for POST and 200 otherwise. */
  private statusOf(context: ExecutionContext, response: Response): number {
    if (response.statusCode !== 200) return response.statusCode;
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (context.switchToHttp().getRequest<Request>().method === 'POST' ? 201 : 200);
  }

  private async replay(request: CallerRequest, response: Response, actor: Actor, policy: ReplayPolicy | undefined, answer: StoredAnswer): Promise<unknown> {
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.setHeader(REPLAYED_HEADER, 'true');
    const body = await this.bodyOf(request, actor, policy, answer);
    response.status(answer.status);
    return body;
  }

  /** The repeat's body, as the caller may see it now; a read that fails now fails the repeat the same way. */
  private async bodyOf(request: CallerRequest, actor: Actor, policy: ReplayPolicy | undefined, { status, body }: StoredAnswer): Promise<unknown> {
    if (body.kind === 'none') return undefined;
    if (body.kind === 'reread' && policy?.kind === 'readAgain') return (await this.rereader(policy)).reread(request, actor, body.location);
    if (body.kind === 'value' && body.rights === rightsOf(actor)) return body.value;
    throw ProblemError.conflict(
      'replayWithheld',
      `The request with this Idempotency-Key was carried out (it answered ${status}), but its answer is not repeated: your rights changed since. Read what it made or changed afresh.`,
      { firstStatus: status },
    );
  }
}
