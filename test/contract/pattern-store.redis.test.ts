import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describePatternStoreContract } from './pattern-store.contract.js';

const fresh = useRedisForContracts('contract');

describePatternStoreContract('redis', async () => {
  const { redis, keys } = fresh();
  return new RedisPatternStore(redis, keys);
});
