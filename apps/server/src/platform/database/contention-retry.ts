import { ProblemError } from '../problem/problem-error.js';
import { isContention } from './driver-error.js';

/** How a unit of work the database gave up on for contention is tried again. */
export interface ContentionRetry {
  /** Tries in all, the first included. */
  tries: number;
  /**
   * The pause before try n+1 is drawn from [0, base × 2^(n-1)] ms ("full jitter"): the
   * transactions of one deadlock do not meet again in lockstep, and the pauses stay short.
   */
  baseDelayMs: number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const CONTENTION_RETRY: ContentionRetry = {
  tries: 4,
  baseDelayMs: 25,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** What a client is told once every try lost: the work was rolled back, and the same request may succeed in a moment. */
export function retryLater(): ProblemError {
  return ProblemError.unavailable(
    'retryLater',
    'Other requests were changing the same data at the same moment and this one could not get its turn; it was rolled back. Send it again in a moment.',
    1,
  );
}

/**
 * Runs `work` (a whole unit of work: a transaction from its start) and runs it again when the
 * database gave up on it for contention, up to `policy.tries` in all; then 503 `retryLater`.
 * Any other error is the caller's at once. The work must touch nothing but the database it is
 * given, since a failed try is rolled back and the next starts afresh.
 */
export async function retryOnContention<T>(work: () => Promise<T>, policy: ContentionRetry = CONTENTION_RETRY): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await work();
    } catch (error) {
      if (!isContention(error)) throw error;
      if (tried >= policy.tries) throw retryLater();
      await policy.sleep(Math.floor(policy.random() * policy.baseDelayMs * 2 ** (tried - 1)));
    }
  }
}
