import { RedisScheduleStore } from '../../src/infra/redis/redis-schedule-store.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeScheduleStoreContract } from './schedule-store.contract.js';

const fresh = useRedisForContracts('schedules');

describeScheduleStoreContract('redis', async () => {
  const { redis, keys } = fresh();
  return new RedisScheduleStore(redis, keys);
});
