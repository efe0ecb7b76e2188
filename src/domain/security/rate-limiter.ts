/** A budget of points per key and window, shared by every instance when backed by Redis. */
export interface RateLimiter {
  /** Takes `points` from `key`'s budget; refused (with the wait) when not enough are left. */
  consume(key: string, points: number): Promise<RateDecision>;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };
