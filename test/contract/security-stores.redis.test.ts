import { RedisAuditLog } from '../../src/infra/redis/redis-audit-log.js';
import { RedisExecutionStore } from '../../src/infra/redis/redis-execution-store.js';
import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { RedisRateLimiter } from '../../src/infra/redis/redis-rate-limiter.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeSecurityStoresContract } from './security-stores.contract.js';

const fresh = useRedisForContracts('security');

describeSecurityStoresContract('redis', async () => {
  const { redis, keys } = fresh();
  return {
    audit: new RedisAuditLog(redis, keys, 1_000),
    limiter: (points) => new RedisRateLimiter(redis, keys.rateLimit(`t${points}`), points, 60),
    executions: new RedisExecutionStore(redis, keys),
    patterns: new RedisPatternStore(redis, keys),
  };
});
