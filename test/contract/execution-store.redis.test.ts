import { RedisExecutionStore } from '../../src/infra/redis/redis-execution-store.js';
import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeExecutionStoreContract } from './execution-store.contract.js';

const fresh = useRedisForContracts('executions');

describeExecutionStoreContract('redis', async () => {
  const { redis, keys } = fresh();
  return {
    executions: new RedisExecutionStore(redis, keys),
    patterns: new RedisPatternStore(redis, keys),
  };
});
