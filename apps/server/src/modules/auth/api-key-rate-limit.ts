/** What one request drew from its key's bucket, as the `RateLimit-*` headers say it. */
export interface RateDecision {
  allowed: boolean;
  /** Requests per minute (the bucket's size). */
  limit: number;
  /** Whole requests left now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Refused only: seconds until one request is allowed. */
  retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

/**
 * A token bucket per API key: `perMinute` requests a minute on average, in bursts of at most as
 * many. Like the sign-in limit it is held in memory, per process: behind several replicas a key
 * gets each replica's allowance (the load balancer spreads a key's calls, so the sum is close to
 * replicas × limit). Unlike it, it keeps two numbers per key rather than a time per request, so a
 * key allowed thousands a minute costs no more than one allowed ten; only verified keys reach it,
 * and full (idle) buckets are forgotten past `maxKeys`, so memory stays bounded.
 */
export class ApiKeyRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly defaultPerMinute = 1200,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one request from the key's bucket (of `perMinute`, or the default). */
  take(key: string, perMinute: number | null, now = Date.now()): RateDecision {
    const limit = perMinute ?? this.defaultPerMinute;
    const perMs = limit / WINDOW_MS;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(limit, bucket.tokens + Math.max(0, now - bucket.at) * perMs) : limit;
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    if (!bucket && this.buckets.size >= this.maxKeys) this.forgetFull(now);
    this.buckets.set(key, { tokens: left, at: now });
    return {
      allowed,
      limit,
      remaining: Math.floor(left),
      resetSeconds: Math.ceil((limit - left) / perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - left) / perMs / 1000)),
    };
  }

  /** Buckets refilled to the brim say nothing a new bucket would not. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= WINDOW_MS) this.buckets.delete(key);
    // Everyone active within the minute: start afresh rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/** The IETF draft's `RateLimit-*` headers (draft-ietf-httpapi-ratelimit-headers), and `Retry-After` when refused. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${decision.limit};w=60`,
    ...(decision.allowed ? {} : { 'Retry-After': String(decision.retryAfterSeconds) }),
  };
}
