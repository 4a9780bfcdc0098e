/**
 * Per-token rate limit: a token bucket per presented token (its hash), refilled continuously.
 *
 * This is the one piece of state the server keeps outside the database, deliberately: each
 * instance limits on its own, so N instances behind a load balancer allow up to N times the
 * rate. Good enough to stop a runaway client; a shared limit would need a shared store.
 */
export interface RateLimit {
  /** Requests a token may make at once. */
  burst: number;
  /** Requests per second it earns back. */
  perSecond: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Past this many buckets, full (idle) ones are dropped, so random tokens cannot grow memory. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): RateDecision {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: t };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((t - b.at) / 1000) * this.limit.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > SWEEP_AT) this.sweep(t);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.limit.perSecond)) };
  }

  private sweep(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
