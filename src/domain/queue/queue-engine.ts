import type { ScheduleTrigger } from '../schedule/schedule-trigger.js';
import type { RunWorkers } from './run-workers.js';

/** The queue of runs and the schedule ticks, from one engine (BullMQ, or the embedded one). */
export interface QueueEngine {
  readonly kind: 'bullmq' | 'memory';
  readonly runs: RunWorkers;
  readonly ticks: ScheduleTrigger;
  /** Stops both and closes their connections. */
  close(): Promise<void>;
}
