/** The BullMQ engine: the `runs` and `ticks` queues on the app's Redis, under its key prefix. */
import type { QueueEngine } from '../../domain/queue/queue-engine.js';
import { type BullmqQueueSettings, BullmqRunQueue } from './bullmq-run-queue.js';
import { BullmqScheduleTrigger } from './bullmq-schedule-trigger.js';

export function createBullmqEngine(settings: BullmqQueueSettings): QueueEngine {
  const runs = new BullmqRunQueue(settings);
  const ticks = new BullmqScheduleTrigger(settings);
  return {
    kind: 'bullmq',
    runs,
    ticks,
    close: async () => {
      await Promise.all([runs.close(), ticks.close()]);
    },
  };
}
