import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateDecision } from '../domain/security/rate-limiter.js';

/** The library rejects with a RateLimiterRes when the budget is spent, with an Error otherwise. */
export async function decide(attempt: Promise<RateLimiterRes>): Promise<RateDecision> {
  try {
    await attempt;
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterMs: rejection.msBeforeNext };
    }
    throw rejection;
  }
}
