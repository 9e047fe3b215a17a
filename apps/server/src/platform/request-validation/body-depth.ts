import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from '../problem/problem-error.js';

/**
 * How deep a request body may nest objects and arrays. The deepest legitimate body, a report or
 * form artifact with its nested layout and filters, stays well under 30 levels; past this, the
 * recursive code behind the parser (schema validation, canonical JSON, SQL building) would risk
 * the stack for nothing.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `limit` (a scalar is depth 0, `{}` and `[]` depth
 * 1). Walks with its own stack, so the check itself cannot overflow on the value it guards against.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const child of Array.isArray(next.value) ? next.value : Object.values(next.value)) {
      if (child !== null && typeof child === 'object') pending.push({ value: child, depth });
    }
  }
  return false;
}

/** Refuses (400 `bodyTooDeep`) a JSON body nesting deeper than MAX_BODY_DEPTH, right after it is parsed and before anything else reads it. */
export function limitBodyDepth(limit = MAX_BODY_DEPTH) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const body: unknown = request.body;
    if (body === null || typeof body !== 'object' || !nestsDeeperThan(body, limit)) return next();
    next(
      ProblemError.badRequest('bodyTooDeep', `The request body nests objects and arrays more than ${limit} levels deep.`, [
        { path: '/', code: 'maxDepth', message: `The body must not nest more than ${limit} levels` },
      ]),
    );
  };
}
