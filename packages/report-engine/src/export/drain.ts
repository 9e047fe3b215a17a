import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Waits until a stream that refused a write takes more, or closes (a client that went away):
 * waiting for "drain" alone would hang forever then. The losing listener is removed, or a long
 * export would pile up one per wait.
 */
export async function waitForDrain(stream: Writable): Promise<void> {
  if (stream.destroyed || stream.closed) return;
  const done = new AbortController();
  const quietly = (event: string): Promise<unknown> =>
    once(stream, event, { signal: done.signal }).catch(() => undefined);
  try {
    await Promise.race([quietly('drain'), quietly('close')]);
  } finally {
    done.abort();
  }
}
