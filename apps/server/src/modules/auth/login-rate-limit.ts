/**
 * At most `limit` sign-in attempts per client address in a sliding window. Held in memory: with
 * several replicas each keeps its own count, and the per-account lockout (in the database) still
 * bounds guessing against any one account.
 */
export class LoginRateLimit {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an attempt; false when the address has used up its window. */
  allow(address: string, now = Date.now()): boolean {
    const recent = (this.attempts.get(address) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(address, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) this.forgetIdle(now);
    return true;
  }

  private forgetIdle(now: number): void {
    for (const [address, times] of this.attempts) if (times.every((t) => t <= now - this.windowMs)) this.attempts.delete(address);
  }
}
