import type { ApiClient, ChainProgress } from '@bankforge/client';

/** Entries verified per request: a stretch takes the server well under a second, so progress moves and nothing times out. */
export const CHAIN_STRETCH = 2000;

export interface ChainRun {
  /** Called after each stretch with how far the verification got. */
  onProgress: (done: number, total: number) => void;
  /** Stops between stretches (the reader pressed Stop or left the page). */
  signal?: AbortSignal;
  stretch?: number;
}

/**
 * Verifies the whole audit chain stretch by stretch from the first entry, reporting progress, and
 * answers the last stretch's verdict: intact up to the head, or the first broken entry. Stopped
 * early, it answers undefined.
 */
export async function verifyChain(api: ApiClient, { onProgress, signal, stretch = CHAIN_STRETCH }: ChainRun): Promise<ChainProgress | undefined> {
  let fromSeq = 1;
  for (;;) {
    if (signal?.aborted) return undefined;
    const step = await api.verifyAuditChain({ fromSeq, limit: stretch });
    onProgress(step.entries, Math.max(step.total, step.entries));
    if (!step.ok || step.nextSeq === undefined) return step;
    fromSeq = step.nextSeq;
  }
}
