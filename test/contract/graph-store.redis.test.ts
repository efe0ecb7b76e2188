import { RedisGraphStore } from '../../src/infra/redis/redis-graph-store.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeGraphStoreContract } from './graph-store.contract.js';

const fresh = useRedisForContracts('graph');

describeGraphStoreContract('redis', async () => {
  const { redis, keys } = fresh();
  return new RedisGraphStore(redis, keys);
});
