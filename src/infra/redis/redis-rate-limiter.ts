import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateDecision, RateLimiter } from '../../domain/security/rate-limiter.js';
import { decide } from '../rate-limit-decision.js';

/**
 * rate-limiter-flexible on Redis: one counter per key and window, shared by every instance.
 * While Redis is unreachable an in-process limiter with the same budget stands in, so an
 * outage neither blocks every mutation nor lifts the limit.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: Redis, keyPrefix: string, points: number, windowSeconds: number) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration: windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
    });
  }

  consume(key: string, points: number): Promise<RateDecision> {
    return decide(this.limiter.consume(key, points));
  }
}
