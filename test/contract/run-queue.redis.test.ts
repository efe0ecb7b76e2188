import { BullmqRunQueue } from '../../src/infra/queue/bullmq-run-queue.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeRunQueueContract } from './run-queue.contract.js';

const fresh = useRedisForContracts('runqueue');

describeRunQueueContract('bullmq', async () => {
  const { url, keys } = fresh();
  return new BullmqRunQueue({
    connection: redisConnectionOptions(url),
    prefix: keys.bullmqPrefix(),
  });
});
