import { describe, expect, it } from 'vitest';
import { LeasePoller } from './lease-poller.js';

describe('LeasePoller', () => {
  it('drains batch after batch until a claim finds nothing, and joins a drain already running', async () => {
    const batches = [3, 2, undefined];
    let claims = 0;
    const poller = new LeasePoller(async () => {
      claims++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return batches.shift();
    });
    const [first, second] = await Promise.all([poller.drain(), poller.drain()]);
    expect([first, second, claims]).toEqual([5, 5, 3]);
    expect(poller.owner).toMatch(/^.+:\d+:[0-9a-f-]{8}$/);
  });

  it('on stop finishes the batch in hand and claims no more', async () => {
    let claims = 0;
    let release: () => void = () => undefined;
    const poller = new LeasePoller(async () => {
      claims++;
      await new Promise<void>((resolve) => (release = resolve));
      return 1;
    });
    const drained = poller.drain();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = poller.stop();
    release();
    await stopped;
    expect([await drained, claims]).toEqual([1, 1]);
  });
});
