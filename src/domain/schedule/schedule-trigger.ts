import type { Schedule } from './schedule.js';

/** What a trigger calls at each tick: settles once the tick is handled (a throw: try again). */
export type TickHandler = (scheduleId: string, tickMs: number) => Promise<void>;

/**
 * What makes schedules tick: BullMQ job schedulers (one job per tick, whichever instance takes
 * it), or a timer in the one embedded process. Arming is shared by every instance; ticks are
 * handed only to the instances that `work`.
 */
export interface ScheduleTrigger {
  /** Starts (or replaces) the ticks of a schedule. */
  arm(schedule: Schedule): Promise<void>;
  /** Stops its ticks; true if it was armed. */
  disarm(scheduleId: string): Promise<boolean>;
  /** Starts handing ticks to `handler` in this process. */
  work(handler: TickHandler): Promise<void>;
  /** Stops handing out ticks and closes what it opened. */
  close(): Promise<void>;
}
