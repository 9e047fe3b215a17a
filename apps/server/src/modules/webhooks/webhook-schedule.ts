/**
 * When a failed webhook delivery is tried again. Receivers go down for maintenance windows and
 * weekends, so the waits grow from seconds to most of a day and add up to about three days.
 */

/** The wait after failed attempt n (index n - 1), before jitter: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h. */
export const WEBHOOK_RETRY_SCHEDULE_SECONDS: readonly number[] = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 72_000];

/** The first attempt and one per scheduled wait: after the last, the delivery fails. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_SCHEDULE_SECONDS.length + 1;

/** Each wait is moved by up to this fraction either way, so that receivers coming back are not hit all at once. */
export const WEBHOOK_RETRY_JITTER = 0.1;

/**
 * A subscription is disabled when this many of its deliveries in a row ended failed (each after
 * the whole schedule, about three days, or at once when the target was refused, as a private
 * address is); any delivery that succeeds starts the count again.
 */
export const WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES = 3;

/** While a secret rotates, the previous one signs too, for this long. */
export const WEBHOOK_ROTATION_OVERLAP_HOURS = 24;

/** The wait in whole seconds after failed attempt `attempt` (1-based), or undefined when it was the last. */
export function webhookRetryDelaySeconds(attempt: number, random: () => number = Math.random): number | undefined {
  const base = WEBHOOK_RETRY_SCHEDULE_SECONDS[attempt - 1];
  if (base === undefined || attempt < 1) return undefined;
  const factor = 1 - WEBHOOK_RETRY_JITTER + 2 * WEBHOOK_RETRY_JITTER * random();
  return Math.max(1, Math.round(base * factor));
}
