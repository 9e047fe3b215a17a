import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { inSequence } from './request-pipeline.js';

type Next = (error?: unknown) => void;
const request = {} as Request;
const response = {} as Response;

/** Runs the sequence and answers what reached Express's next, and which steps ran. */
function run(steps: Parameters<typeof inSequence>[0]): Promise<unknown[]> {
  return new Promise((resolve) => inSequence(steps)(request, response, (...args: unknown[]) => resolve(args)));
}

describe('inSequence', () => {
  it('runs every step in order, waiting for each to go on, then hands over to Express with no error', async () => {
    const ran: string[] = [];
    const passed = await run(
      [
        (_q, _s, next: Next) => void (ran.push('a'), next()),
        (_q, _s, next: Next) => void setTimeout(() => (ran.push('b'), next()), 5),
        (_q, _s, next: Next) => void (ran.push('c'), next()),
      ],
    );
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(passed).toEqual([]);
  });

  it('skips the remaining steps on an error passed on, thrown, or rejected, and hands that error over', async () => {
    const failure = new Error('refused');
    for (const failing of [
      (_q: Request, _s: Response, next: Next) => void next(failure),
      () => {
        throw failure;
      },
      () => Promise.reject(failure),
    ]) {
      const ran: string[] = [];
      const passed = await run([(_q, _s, next: Next) => void (ran.push('first'), next()), failing, (_q, _s, next: Next) => void (ran.push('never'), next())]);
      expect(ran).toEqual(['first']);
      expect(passed).toEqual([failure]);
    }
  });
});
