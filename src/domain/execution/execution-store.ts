import type { Execution, ExecutionStatus, StepResult } from './execution.js';

export interface ExecutionListQuery {
  patternId: string | null;
  status: ExecutionStatus | null;
  /** Only executions started by this user (null: everyone's). */
  createdBy: string | null;
  /** Items strictly after this (createdAt ms, id) position, newest first. */
  after: { createdAtMs: number; id: string } | null;
  limit: number;
}

export interface ExecutionListResult {
  items: Execution[];
  totalCount: number;
  countBefore: number;
  hasMore: boolean;
}

/** What starting a run needs besides its record; nothing is written unless every check passes. */
export interface StartRequest {
  retentionSeconds: number;
  /** The run's first lease (and run slot) lasts until then. */
  leaseUntilMs: number;
  /** The run's pattern must still be at the version it runs, in its generation (else `stale`). */
  patternVersion: number;
  patternGeneration: string;
  /**
   * A top-level run takes one of its user's `limit` run slots (else `limit`); slots are renewed
   * like leases, so a process that dies does not hold them forever. Child runs take none.
   */
  slot: { userId: string; limit: number; nowMs: number } | null;
  /**
   * The run is remembered for (pattern, its user, key) for `ttlSeconds`, unless another is
   * remembered already (then `duplicate`, with that one's id, and no slot is taken). Keys are
   * per user, so nobody can reach another user's run by guessing their key.
   */
  idempotency: { key: string; ttlSeconds: number } | null;
}

export type StartOutcome =
  | { outcome: 'started' }
  | { outcome: 'stale' }
  | { outcome: 'limit' }
  | { outcome: 'duplicate'; executionId: string };

/**
 * Execution records, kept for a retention period. Listing indexes (all, per pattern, per status)
 * change with the record; a lease per running execution lets another process find runs whose
 * process died.
 */
export interface ExecutionStore {
  /**
   * Stores a new, running execution with its index entries and its lease, after checking its
   * pattern version, idempotency key and run slot, in one atomic step (across instances). The
   * record expires after `retentionSeconds`. Its steps have not started: their results come
   * through `saveSteps`.
   */
  start(execution: Execution, request: StartRequest): Promise<StartOutcome>;
  /**
   * Records the end of a run at once: replaces the record (keeping its expiry), moves its status
   * index entry, and releases its lease, its cancel request and, given `slotOf`, that user's run
   * slot. Step results are written by `saveSteps`; an adapter may keep them apart from the record.
   */
  finish(
    execution: Execution,
    previousStatus: ExecutionStatus,
    slotOf: string | null,
  ): Promise<void>;
  /** Records step results: small writes, whatever the pattern's size. */
  saveSteps(executionId: string, steps: readonly StepResult[]): Promise<void>;
  getMany(ids: readonly string[]): Promise<Array<Execution | null>>;
  list(query: ExecutionListQuery): Promise<ExecutionListResult>;
  /** Marks the execution running until `untilMs`; renewed while it runs. */
  renewLease(executionId: string, untilMs: number): Promise<void>;
  releaseLease(executionId: string): Promise<void>;
  /** Running executions whose lease ran out before `nowMs`. */
  expiredLeases(nowMs: number): Promise<string[]>;
  /** Asks whichever process runs the execution to cancel it. */
  requestCancel(executionId: string): Promise<void>;
  isCancelRequested(executionId: string): Promise<boolean>;
  renewRunSlot(userId: string, executionId: string, untilMs: number): Promise<void>;
  releaseRunSlot(userId: string, executionId: string): Promise<void>;
}
