import type { ScriptedRedis } from './scripts.js';

interface PendingSave {
  key: string;
  attempts: number;
  /** Step id, encoded result, step id, ... */
  values: string[];
  resolve: (saved: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the step saves made in one tick, by any number of runs, into one script call. Under
 * load the replies of many runs arrive together, and each run's writer saves what they changed
 * in the same tick: one call instead of one per run spares Redis a script invocation and the
 * client a command per run. The call goes out before the client flushes its auto-pipeline
 * (process.nextTick runs before setImmediate), so it shares the write it would have had alone.
 * A command that must reach Redis after the saves made before it calls `sendNow` first.
 */
export class StepSaveBatch {
  private pending: PendingSave[] = [];

  constructor(private readonly redis: ScriptedRedis) {}

  /** Resolves true when written, false when fenced (the run was taken over). */
  save(key: string, attempts: number, values: string[]): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => this.sendNow());
      this.pending.push({ key, attempts, values, resolve, reject });
    });
  }

  /** Sends the saves waiting, if any, at once. */
  sendNow(): void {
    if (this.pending.length === 0) return;
    const saves = this.pending;
    this.pending = [];
    const args: Array<string | number> = saves.map((save) => save.key);
    for (const save of saves) args.push(save.attempts, save.values.length, ...save.values);
    this.redis.saveSteps(saves.length, ...args).then(
      (replies) => {
        saves.forEach((save, i) => {
          save.resolve(replies[i] === 1);
        });
      },
      (error: unknown) => {
        for (const save of saves) save.reject(error);
      },
    );
  }
}
