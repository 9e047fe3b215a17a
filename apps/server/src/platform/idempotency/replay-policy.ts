import { SetMetadata, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../modules/access/actor.js';

/**
 * How a request repeated under its `Idempotency-Key` is answered. Without a policy, a mutating
 * request's answer is kept sealed with the field cipher and repeated only to a caller whose rights
 * are still those it had (see IdempotencyInterceptor).
 */
export type ReplayPolicy = { kind: 'runAgain' } | { kind: 'readAgain'; by: Type<AnswerRereader> };

export const REPLAY_POLICY = 'bankforge:replayPolicy';

/** Reads a write's answer again, as the caller may read it now. */
export interface AnswerRereader {
  /** Where the answer's resource is, to find it again: an id, never a value it holds. Undefined if the answer names none. */
  locate(answer: unknown): string | undefined;
  /** The answer as a read of that resource by this caller gives it now: their current rights, their current scope. */
  reread(request: Request, actor: Actor, location: string): Promise<unknown>;
}

/**
 * A POST that changes nothing (a query, a report run, an unmask): "safe" in RFC 9110's sense.
 * Its answer is never kept, and a repeat under the same key simply runs again, under the
 * caller's rights at that moment. The key is accepted and otherwise ignored.
 */
export const SafeRequest = (): MethodDecorator => SetMetadata(REPLAY_POLICY, { kind: 'runAgain' } satisfies ReplayPolicy);

/**
 * A write that answers the resource it wrote: only where that resource is gets kept, and a
 * repeat is answered with the resource read again under the caller's current rights, so it
 * shows nothing they could not GET now.
 */
export const ReplayByReading = (by: Type<AnswerRereader>): MethodDecorator => SetMetadata(REPLAY_POLICY, { kind: 'readAgain', by } satisfies ReplayPolicy);
