/**
 * Whether the store of record can be reached, as a run needs to know it: a step whose write
 * failed because the store was unreachable did not fail, it was interrupted, and is attempted
 * again once the store is back (see the scheduler); a run's lease is renewed as soon as it is.
 */
export interface StoreHealth {
  /** Whether `error` means the store could not be reached (not a bad command or a bug). */
  isUnavailable(error: unknown): boolean;
  /**
   * Resolves once the store answers (at once when it does now); rejects with the signal's
   * reason when `signal` aborts first.
   */
  whenAvailable(signal: AbortSignal): Promise<void>;
  /** Calls `listener` each time the store is reachable again after losing its connection. */
  onAvailable(listener: () => void): () => void;
}
