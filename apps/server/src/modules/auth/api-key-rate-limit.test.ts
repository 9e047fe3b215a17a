import { describe, expect, it } from 'vitest';
import { ApiKeyRateLimit, rateLimitHeaders } from './api-key-rate-limit.js';

describe('API key rate limit', () => {
  it('allows a burst of the limit, then one request per refill interval, per key', () => {
    const limiter = new ApiKeyRateLimit(60);
    const burst = Array.from({ length: 60 }, () => limiter.take('a', null, 0));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(burst.at(-1)).toMatchObject({ limit: 60, remaining: 0, resetSeconds: 60 });
    const refused = limiter.take('a', null, 10);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect(limiter.take('b', null, 10).allowed).toBe(true);
    // 60 a minute: one more each second.
    expect(limiter.take('a', null, 1010).allowed).toBe(true);
    expect(limiter.take('a', null, 1020).allowed).toBe(false);
  });

  it("uses the key's own limit over the default", () => {
    const limiter = new ApiKeyRateLimit(1000);
    expect([0, 1].map((t) => limiter.take('slow', 2, t).allowed)).toEqual([true, true]);
    const refused = limiter.take('slow', 2, 2);
    expect(refused).toMatchObject({ allowed: false, limit: 2, retryAfterSeconds: 30 });
    expect(rateLimitHeaders(refused)).toEqual({ 'RateLimit-Limit': '2', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '60', 'RateLimit-Policy': '2;w=60', 'Retry-After': '30' });
    expect(rateLimitHeaders(limiter.take('other', 2, 0))).not.toHaveProperty('Retry-After');
  });

  it('keeps memory bounded: past the most keys, idle (full) buckets are forgotten', () => {
    const limiter = new ApiKeyRateLimit(10, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key, null, 0);
    limiter.take('d', null, 60_000);
    // a, b and c were idle a minute (full again) and were dropped; a starts with a full bucket.
    expect(limiter.take('a', null, 60_001).remaining).toBe(9);
    const size = (limiter as unknown as { buckets: Map<string, unknown> }).buckets.size;
    expect(size).toBe(2);
  });
});
