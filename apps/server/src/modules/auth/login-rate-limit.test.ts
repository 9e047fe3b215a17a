import { describe, expect, it } from 'vitest';
import { LoginRateLimit } from './login-rate-limit.js';

describe('login rate limit', () => {
  it('allows the limit per window and address, then refuses until the window slides', () => {
    const limiter = new LoginRateLimit(3, 1000);
    expect([0, 10, 20].map((t) => limiter.allow('a', t))).toEqual([true, true, true]);
    expect(limiter.allow('a', 30)).toBe(false);
    expect(limiter.allow('b', 30)).toBe(true);
    expect(limiter.allow('a', 1005)).toBe(true);
    expect(limiter.allow('a', 1006)).toBe(false);
  });
});
