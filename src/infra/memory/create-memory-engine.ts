/** The embedded queue engine: runs and schedule ticks in this one process. */
import type { QueueEngine } from '../../domain/queue/queue-engine.js';
import { MemoryRunQueue } from './memory-run-queue.js';
import { MemoryScheduleTrigger } from './memory-schedule-trigger.js';

export function createMemoryEngine(now: () => number = Date.now): QueueEngine {
  const runs = new MemoryRunQueue(now);
  const ticks = new MemoryScheduleTrigger(now);
  return {
    kind: 'memory',
    runs,
    ticks,
    close: async () => {
      await Promise.all([runs.close(), ticks.close()]);
    },
  };
}
