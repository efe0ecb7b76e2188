import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateDecision, RateLimiter } from '../../domain/security/rate-limiter.js';
import { decide } from '../rate-limit-decision.js';

/** The embedded rate limiter: rate-limiter-flexible's in-process store. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  consume(key: string, points: number): Promise<RateDecision> {
    return decide(this.limiter.consume(key, points));
  }
}
