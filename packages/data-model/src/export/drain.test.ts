import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { waitForDrain } from './drain.js';

function slowSink(): Writable & { release(): void } {
  let pending: (() => void) | undefined;
  const sink = new Writable({
    highWaterMark: 4,
    write(_chunk, _encoding, callback) {
      pending = callback;
    },
  }) as Writable & { release(): void };
  sink.release = () => pending?.();
  return sink;
}

describe('waiting for a stream to drain', () => {
  it('resumes on drain and leaves no listener behind', async () => {
    const sink = slowSink();
    expect(sink.write('0123456789')).toBe(false);
    const waiting = waitForDrain(sink);
    sink.release();
    await waiting;
    expect(sink.listenerCount('drain')).toBe(0);
    expect(sink.listenerCount('close')).toBe(0);
  });

  it('resumes when the stream closes instead of hanging', async () => {
    const sink = slowSink();
    sink.write('0123456789');
    const waiting = waitForDrain(sink);
    sink.destroy();
    await waiting;
    expect(sink.listenerCount('drain')).toBe(0);
  });

  it('resumes when the stream fails, and returns at once from a closed one', async () => {
    const sink = slowSink();
    sink.write('0123456789');
    const waiting = waitForDrain(sink);
    sink.destroy(new Error('client went away'));
    await waiting;
    expect(sink.listenerCount('drain')).toBe(0);
    expect(sink.listenerCount('error')).toBe(0);
    await waitForDrain(sink);
  });
});
