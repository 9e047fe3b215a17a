/**
 * What `waitForDrain` needs of a stream: Node's `Writable` (an HTTP response) has it. Declared
 * here rather than imported from `node:stream`, since browsers load this package too.
 */
export interface DrainingStream {
  readonly destroyed: boolean;
  readonly closed: boolean;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

/**
 * Waits until a stream that refused a write takes more, or closes or fails (a client that went
 * away): waiting for "drain" alone would hang forever then. The other listeners are removed, or a
 * long export would pile up one per wait.
 */
export function waitForDrain(stream: DrainingStream): Promise<void> {
  if (stream.destroyed || stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const events = ['drain', 'close', 'error'] as const;
    const done = (): void => {
      for (const event of events) stream.off(event, done);
      resolve();
    };
    for (const event of events) stream.once(event, done);
  });
}
