/**
 * Schedule ticks as BullMQ job schedulers in the `ticks` queue: one scheduler per schedule
 * keeps exactly one delayed job for its next tick (id `repeat:<scheduleId>:<tickMs>`), and the
 * worker that takes it makes the next one, so a tick is one job whichever instance takes it.
 */
import { type Job, Queue, Worker } from 'bullmq';
import { HANDLER_RETRY, SETTLED_KEPT } from '../../domain/queue/run-workers.js';
import { firstTickMs, type Schedule } from '../../domain/schedule/schedule.js';
import type { ScheduleTrigger, TickHandler } from '../../domain/schedule/schedule-trigger.js';
import { queueConnection, workerConnection } from './bullmq-connection.js';
import type { BullmqQueueSettings } from './bullmq-run-queue.js';

const TICKS_QUEUE = 'ticks';

interface TickData {
  scheduleId: string;
}

/** Ticks handled at once by one process (each only starts an execution). */
const TICK_CONCURRENCY = 8;

export class BullmqScheduleTrigger implements ScheduleTrigger {
  private readonly queue: Queue<TickData>;
  private worker: Worker<TickData> | null = null;

  constructor(private readonly settings: BullmqQueueSettings) {
    this.queue = new Queue<TickData>(TICKS_QUEUE, {
      connection: queueConnection(settings.connection, 'nexus-ticks'),
      prefix: settings.prefix,
    });
    this.queue.on('error', () => {});
  }

  async arm(schedule: Schedule): Promise<void> {
    const { timing } = schedule;
    const repeat =
      timing.kind === 'cron'
        ? { pattern: timing.cron, tz: timing.timezone }
        : { every: timing.everyMs, startDate: firstTickMs(schedule) };
    await this.queue.upsertJobScheduler(schedule.id, repeat, {
      name: 'tick',
      data: { scheduleId: schedule.id },
      opts: {
        attempts: HANDLER_RETRY.attempts,
        backoff: { type: 'exponential', delay: HANDLER_RETRY.baseMs },
        removeOnComplete: { age: SETTLED_KEPT.seconds, count: SETTLED_KEPT.count },
        removeOnFail: { age: 24 * 3_600 },
      },
    });
  }

  disarm(scheduleId: string): Promise<boolean> {
    return this.queue.removeJobScheduler(scheduleId);
  }

  async work(handler: TickHandler): Promise<void> {
    if (this.worker) throw new Error('the tick queue has a worker already');
    const worker = new Worker<TickData>(TICKS_QUEUE, (job) => handler(...tickOf(job)), {
      connection: workerConnection(this.settings.connection, 'nexus-ticks-worker'),
      prefix: this.settings.prefix,
      concurrency: TICK_CONCURRENCY,
      autorun: false,
    });
    worker.on('error', () => {});
    this.worker = worker;
    void worker.run().catch(() => {});
    await worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}

/** The schedule and the tick a job is for: its id ends with the tick's ms. */
function tickOf(job: Job<TickData>): [scheduleId: string, tickMs: number] {
  const id = job.id ?? '';
  const tickMs = Number(id.slice(id.lastIndexOf(':') + 1));
  return [job.data.scheduleId, Number.isSafeInteger(tickMs) ? tickMs : job.timestamp];
}
