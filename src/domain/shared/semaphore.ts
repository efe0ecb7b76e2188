/** Counts permits; `acquire` waits (FIFO) when none is free. */
export class Semaphore {
  private readonly waiting: Array<() => void> = [];

  constructor(private available: number) {}

  /** Takes a permit if one is free, without waiting (no promise, no microtask). */
  tryAcquire(): boolean {
    if (this.available === 0) return false;
    this.available -= 1;
    return true;
  }

  async acquire(): Promise<void> {
    if (this.tryAcquire()) return;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.available += 1;
  }
}
