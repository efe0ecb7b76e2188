import { RedisGraphStore } from '../../src/infra/redis/redis-graph-store.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeGraphStoreContract } from './graph-store.contract.js';
import { describeGraphOriginContract } from './graph-store-origin.contract.js';

const fresh = useRedisForContracts('graph');

const makeStore = async () => {
  const { redis, keys } = fresh();
  return new RedisGraphStore(redis, keys);
};

describeGraphStoreContract('redis', makeStore);
describeGraphOriginContract('redis', makeStore);
