import { describe, expect, it } from 'vitest';
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_SCHEDULE_SECONDS, webhookRetryDelaySeconds } from './webhook-schedule.js';

describe('the webhook retry schedule', () => {
  it('adds up to about three days over ten attempts', () => {
    const total = WEBHOOK_RETRY_SCHEDULE_SECONDS.reduce((sum, s) => sum + s, 0);
    expect(total / 86_400).toBeGreaterThan(2.9);
    expect(total / 86_400).toBeLessThan(3.1);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(10);
    expect([...WEBHOOK_RETRY_SCHEDULE_SECONDS]).toEqual([...WEBHOOK_RETRY_SCHEDULE_SECONDS].sort((a, b) => a - b));
  });

  it('jitters each wait by at most a tenth and has none after the last attempt', () => {
    expect(webhookRetryDelaySeconds(1, () => 0)).toBe(5); // 4.5 rounds to 5
    expect(webhookRetryDelaySeconds(2, () => 0)).toBe(270);
    expect(webhookRetryDelaySeconds(2, () => 0.5)).toBe(300);
    expect(webhookRetryDelaySeconds(2, () => 0.999999)).toBe(330);
    expect(webhookRetryDelaySeconds(9, () => 0.5)).toBe(72_000);
    expect(webhookRetryDelaySeconds(WEBHOOK_MAX_ATTEMPTS)).toBeUndefined();
    expect(webhookRetryDelaySeconds(0)).toBeUndefined();
  });
});
