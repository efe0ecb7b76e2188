/**
 * The process's step slots, shared fairly between users: one user holds at most `perUser` of
 * the `capacity` slots, and when slots are contended a freed one goes to the waiting user who
 * holds the fewest (first come, first served within a user). So a user who queues thousands of
 * steps delays other users' steps by at most a slot's turn, never by their whole queue.
 * Waits are abortable: a cancelled or timed-out execution stops waiting at once.
 */
interface Waiter {
  owner: string;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface Holder {
  held: number;
  waiting: Waiter[];
}

export class FairSlots {
  private available: number;
  private readonly holders = new Map<string, Holder>();

  constructor(
    readonly capacity: number,
    readonly perUser: number,
  ) {
    this.available = capacity;
  }

  /** Takes a slot for `owner` if one is free to them, without waiting (no promise). */
  tryAcquire(owner: string): boolean {
    const holder = this.holders.get(owner);
    if (this.available === 0 || (holder && holder.held >= this.perUser)) return false;
    // Someone waiting with fewer slots has the better claim on a contended slot.
    if (holder?.waiting.length) return false;
    this.grant(owner);
    return true;
  }

  /** Waits for a slot for `owner`; rejects (and stops waiting) when `signal` aborts. */
  acquire(owner: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire(owner)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { owner, resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          this.forget(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.holderOf(owner).waiting.push(waiter);
    });
  }

  release(owner: string): void {
    const holder = this.holders.get(owner);
    if (!holder || holder.held === 0) throw new Error(`no slot held by ${owner}`);
    holder.held -= 1;
    this.available += 1;
    if (holder.held === 0 && holder.waiting.length === 0) this.holders.delete(owner);
    this.handOut();
  }

  /** Slots held by `owner` now (for tests and metrics). */
  heldBy(owner: string): number {
    return this.holders.get(owner)?.held ?? 0;
  }

  private handOut(): void {
    while (this.available > 0) {
      const next = this.neediest();
      if (!next) return;
      const waiter = next.waiting.shift() as Waiter;
      if (waiter.signal && waiter.onAbort)
        waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.grant(waiter.owner);
      waiter.resolve();
    }
  }

  /** The waiting user below their cap who holds the fewest slots. */
  private neediest(): Holder | undefined {
    let best: Holder | undefined;
    for (const holder of this.holders.values()) {
      if (holder.waiting.length === 0 || holder.held >= this.perUser) continue;
      if (!best || holder.held < best.held) best = holder;
    }
    return best;
  }

  private grant(owner: string): void {
    this.holderOf(owner).held += 1;
    this.available -= 1;
  }

  private holderOf(owner: string): Holder {
    let holder = this.holders.get(owner);
    if (!holder) {
      holder = { held: 0, waiting: [] };
      this.holders.set(owner, holder);
    }
    return holder;
  }

  private forget(waiter: Waiter): void {
    const holder = this.holders.get(waiter.owner);
    if (!holder) return;
    const index = holder.waiting.indexOf(waiter);
    if (index >= 0) holder.waiting.splice(index, 1);
    if (holder.held === 0 && holder.waiting.length === 0) this.holders.delete(waiter.owner);
    // A waiter that leaves may have been what kept a free slot from another user.
    this.handOut();
  }
}
