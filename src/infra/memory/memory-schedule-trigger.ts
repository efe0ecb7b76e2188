/**
 * Schedule ticks in the one embedded process: a timer per armed schedule, set for its next
 * tick (the same ticks as the BullMQ job schedulers: see nextTickMs). A tick missed while the
 * handler was busy is skipped, as BullMQ skips the ones it missed; a handler that throws has
 * its tick tried again with backoff.
 */
import { HANDLER_RETRY } from '../../domain/queue/run-workers.js';
import { nextTickMs, type Schedule } from '../../domain/schedule/schedule.js';
import type { ScheduleTrigger, TickHandler } from '../../domain/schedule/schedule-trigger.js';

interface Armed {
  schedule: Schedule;
  timer?: NodeJS.Timeout;
}

export class MemoryScheduleTrigger implements ScheduleTrigger {
  private readonly armed = new Map<string, Armed>();
  private handler: TickHandler | null = null;
  private closed = false;

  constructor(private readonly now: () => number = Date.now) {}

  async arm(schedule: Schedule): Promise<void> {
    await this.disarm(schedule.id);
    const armed: Armed = { schedule };
    this.armed.set(schedule.id, armed);
    if (this.handler) this.setTimer(armed, nextTickMs(schedule, this.now()));
  }

  async disarm(scheduleId: string): Promise<boolean> {
    const armed = this.armed.get(scheduleId);
    if (!armed) return false;
    clearTimeout(armed.timer);
    this.armed.delete(scheduleId);
    return true;
  }

  async work(handler: TickHandler): Promise<void> {
    this.handler = handler;
    for (const armed of this.armed.values())
      this.setTimer(armed, nextTickMs(armed.schedule, this.now()));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const armed of this.armed.values()) clearTimeout(armed.timer);
    this.armed.clear();
  }

  /** Times the tick at `tickMs` (a retry of it after `delayMs`, when given). */
  private setTimer(armed: Armed, tickMs: number, failures = 0, delayMs?: number): void {
    clearTimeout(armed.timer);
    const delay = delayMs ?? Math.max(0, tickMs - this.now());
    armed.timer = setTimeout(() => void this.tick(armed, tickMs, failures), delay);
    armed.timer.unref?.();
  }

  private async tick(armed: Armed, tickMs: number, failures: number): Promise<void> {
    const handler = this.handler;
    if (!handler || this.closed || this.armed.get(armed.schedule.id) !== armed) return;
    // The next tick is due whatever this one does (the next after this one, or after now).
    let retry = false;
    try {
      await handler(armed.schedule.id, tickMs);
    } catch {
      retry = failures + 1 < HANDLER_RETRY.attempts;
    }
    if (this.closed || this.armed.get(armed.schedule.id) !== armed) return;
    if (retry) this.setTimer(armed, tickMs, failures + 1, HANDLER_RETRY.baseMs * 2 ** failures);
    else this.setTimer(armed, nextTickMs(armed.schedule, Math.max(tickMs + 1, this.now())));
  }
}
